using Microsoft.AspNetCore.Http;

namespace ActorStream.Host.Rest;

/// <summary>Flink's error body: {"errors": ["..."]}, with the status that fits.</summary>
internal static class RestErrors
{
    public static IResult Of(int status, string message) => Results.Json(new { errors = new[] { message } }, statusCode: status);

    public static IResult NotFound(string message) => Of(StatusCodes.Status404NotFound, message);

    public static IResult BadRequest(string message) => Of(StatusCodes.Status400BadRequest, message);
}
