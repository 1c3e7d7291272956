using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ActorStream.Host.Rest;

/// <summary>Serves the web dashboard (Rest/Dashboard, embedded in the assembly) at / and /dashboard/*.</summary>
internal static class DashboardFiles
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8", [".js"] = "text/javascript; charset=utf-8", [".css"] = "text/css; charset=utf-8",
    };

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => File("index.html"));
        routes.MapGet("/dashboard/{file}", (string file) => File(file));
    }

    private static IResult File(string name)
    {
        var stream = typeof(DashboardFiles).Assembly.GetManifestResourceStream("dashboard/" + name);
        return stream is null || !ContentTypes.TryGetValue(Path.GetExtension(name), out var type)
            ? RestErrors.NotFound($"No dashboard file {name}.")
            : Results.Stream(stream, type);
    }
}
