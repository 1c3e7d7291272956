using System.Net;
using ActorStream.Actors.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace ActorStream.Host.Rest;

/// <summary>
/// The REST API of a node (or of a local run's embedded node), on Kestrel: Flink's paths and JSON shapes
/// over the node's job gateway. Reads are open to whoever reaches the port; with a token, mutating calls
/// (PATCH, POST) need "Authorization: Bearer TOKEN".
/// </summary>
public sealed class RestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RestServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where it listens, e.g. http://127.0.0.1:8081/.</summary>
    public Uri Address { get; }

    /// <summary>Starts serving <paramref name="cluster"/> as <paramref name="settings"/> say (validated here).</summary>
    public static async Task<RestServer> StartAsync(RestSettings settings, ClusterConnection cluster, CancellationToken cancellationToken = default)
    {
        settings.Validate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(settings.Bind == "localhost" ? IPAddress.Loopback : IPAddress.Parse(settings.Bind), settings.Port));
        builder.Services.AddSingleton(new SavepointTriggers());
        // OpenTelemetry's exporter rather than prometheus-net: the runtime already speaks System.Diagnostics.Metrics,
        // so the same instruments reach OTLP collectors or dotnet-counters unchanged, and the names follow OpenTelemetry.
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(Actors.Node.NodeMetrics.MeterName)
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0)); // a scrape sees the latest reports
        var app = builder.Build();
        if (settings.Token is { } token)
            app.Use((context, next) => Authorized(context, token) ? next(context) : Unauthorized(context));
        app.MapPrometheusScrapingEndpoint("/metrics");
        DashboardFiles.Map(app);
        RestEndpoints.Map(app, cluster);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RestServer(app, new Uri(bound.EndsWith('/') ? bound : bound + "/"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Reads need no token; changes (cancel, stop, savepoint) do.</summary>
    private static bool Authorized(HttpContext context, string token) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method) ||
        context.Request.Headers.Authorization.ToString() is var header && header.StartsWith("Bearer ", StringComparison.Ordinal) &&
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(header["Bearer ".Length..]), System.Text.Encoding.UTF8.GetBytes(token));

    private static Task Unauthorized(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return RestErrors.Of(StatusCodes.Status401Unauthorized, "This call changes a job: send the node's REST token as 'Authorization: Bearer TOKEN'.")
            .ExecuteAsync(context);
    }
}
