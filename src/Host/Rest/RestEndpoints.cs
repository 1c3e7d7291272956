using ActorStream.Actors.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ActorStream.Host.Rest;

/// <summary>The routes: Flink's paths (docs: "REST API" of Flink), each answered from the node's job gateway.</summary>
internal static class RestEndpoints
{
    public static void Map(IEndpointRouteBuilder routes, ClusterConnection cluster)
    {
        static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        routes.MapGet("/overview", async (CancellationToken ct) =>
            Results.Json(FlinkShapes.Overview(await cluster.ListNodesAsync(ct), await cluster.ListJobsAsync(ct))));
        routes.MapGet("/jobs", async (CancellationToken ct) =>
            Results.Json(new { jobs = (await cluster.ListJobsAsync(ct)).Select(j => new { id = j.Id, status = FlinkShapes.State(j.Status) }) }));
        routes.MapGet("/jobs/overview", async (CancellationToken ct) =>
            Results.Json(new { jobs = (await cluster.ListJobsAsync(ct)).Select(j => FlinkShapes.JobOverview(j, Now())) }));
        routes.MapGet("/taskmanagers", async (CancellationToken ct) => Results.Json(FlinkShapes.TaskManagers(await cluster.ListNodesAsync(ct))));

        routes.MapGet("/jobs/{jobId}", (string jobId, CancellationToken ct) =>
            WithJob(cluster, jobId, ct, async (summary, _) => Results.Json(FlinkShapes.Job(summary, await cluster.JobDetailsAsync(jobId, ct), Now()))));
        routes.MapGet("/jobs/{jobId}/plan", (string jobId, CancellationToken ct) =>
            WithJob(cluster, jobId, ct, async (summary, _) => Results.Json(new { plan = FlinkShapes.Plan(summary, await cluster.JobDetailsAsync(jobId, ct)) })));
        routes.MapGet("/jobs/{jobId}/vertices/{vertexId}", (string jobId, string vertexId, CancellationToken ct) =>
            WithVertex(cluster, jobId, vertexId, ct, (details, vertex) => FlinkShapes.VertexSubtasks(vertex, details.Progress, Now())));
        routes.MapGet("/jobs/{jobId}/vertices/{vertexId}/backpressure", (string jobId, string vertexId, CancellationToken ct) =>
            WithVertex(cluster, jobId, vertexId, ct, (_, vertex) => FlinkShapes.BackPressure(vertex, Now())));
        routes.MapGet("/jobs/{jobId}/vertices/{vertexId}/watermarks", (string jobId, string vertexId, CancellationToken ct) =>
            WithVertex(cluster, jobId, vertexId, ct, (_, vertex) => FlinkShapes.Watermarks(vertex)));
        routes.MapGet("/jobs/{jobId}/checkpoints", (string jobId, CancellationToken ct) =>
            WithJob(cluster, jobId, ct, async (summary, _) => Results.Json(FlinkShapes.Checkpoints(await cluster.JobDetailsAsync(jobId, ct), summary.Name))));
        routes.MapGet("/jobs/{jobId}/exceptions", (string jobId, CancellationToken ct) =>
            WithJob(cluster, jobId, ct, async (_, _) => Results.Json(FlinkShapes.Exceptions(await cluster.JobDetailsAsync(jobId, ct)))));

        routes.MapMethods("/jobs/{jobId}", [HttpMethods.Patch], (string jobId, string? mode, CancellationToken ct) =>
            mode is null or "cancel"
                ? WithJob(cluster, jobId, ct, async (_, job) =>
                {
                    await job.CancelAsync(ct);
                    return Results.Json(new { }, statusCode: StatusCodes.Status202Accepted);
                })
                : Task.FromResult(RestErrors.BadRequest($"mode '{mode}' is not supported: use mode=cancel.")));
        routes.MapPost("/jobs/{jobId}/savepoints", (string jobId, SavepointTriggers triggers, CancellationToken ct) =>
            WithJob(cluster, jobId, ct, (_, job) => Task.FromResult(Accepted(triggers.Start(jobId, job.TriggerSavepointAsync(CancellationToken.None))))));
        routes.MapPost("/jobs/{jobId}/stop", (string jobId, SavepointTriggers triggers, CancellationToken ct) =>
            WithJob(cluster, jobId, ct, (_, job) => Task.FromResult(Accepted(triggers.Start(jobId, job.StopWithSavepointAsync(CancellationToken.None))))));
        routes.MapGet("/jobs/{jobId}/savepoints/{triggerId}", (string jobId, string triggerId, SavepointTriggers triggers) =>
            triggers.Status(jobId, triggerId) is { } status ? Results.Json(status) : RestErrors.NotFound($"No savepoint trigger {triggerId} for job {jobId}."));

        routes.MapFallback((HttpContext context) => RestErrors.NotFound($"Not found: {context.Request.Method} {context.Request.Path}."));
    }

    /// <summary>Answers with what <paramref name="shape"/> makes of a vertex of a known job, or 404.</summary>
    private static Task<IResult> WithVertex(ClusterConnection cluster, string jobId, string vertexId, CancellationToken ct,
        Func<Actors.JobMaster.JobDetails, Actors.JobMaster.VertexDetails, object> shape) =>
        WithJob(cluster, jobId, ct, async (_, _) =>
        {
            var details = await cluster.JobDetailsAsync(jobId, ct);
            return details.Vertices.FirstOrDefault(v => v.Id == vertexId) is { } vertex
                ? Results.Json(shape(details, vertex))
                : RestErrors.NotFound($"Job {jobId} has no vertex {vertexId}.");
        });

    private static IResult Accepted(string requestId) => Results.Json(new Dictionary<string, object?> { ["request-id"] = requestId }, statusCode: StatusCodes.Status202Accepted);

    /// <summary>Runs <paramref name="answer"/> for a job the cluster knows, or answers 404.</summary>
    private static async Task<IResult> WithJob(ClusterConnection cluster, string jobId, CancellationToken ct,
        Func<Actors.Cluster.JobSummary, Graph.IJobClient, Task<IResult>> answer)
    {
        var summary = (await cluster.ListJobsAsync(ct)).FirstOrDefault(j => j.Id == jobId);
        if (summary is null)
            return RestErrors.NotFound($"Job {jobId} not found.");
        try
        {
            return await answer(summary, cluster.Job(jobId, summary.Name));
        }
        catch (JobSubmissionException e)
        {
            return RestErrors.NotFound(e.Message);
        }
    }
}
