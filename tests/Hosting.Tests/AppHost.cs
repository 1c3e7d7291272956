using ActorStream.Graph;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Remote.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ActorStream.Hosting.Tests;

/// <summary>An application host as a user writes one: Akka.Hosting with remoting, clustering and ActorStream.</summary>
internal static class AppHost
{
    /// <summary>A member on <paramref name="port"/> joining the seed on <paramref name="seedPort"/>.</summary>
    public static IHost Create(int port, int seedPort, Action<ActorStreamOptions> actorStream) =>
        Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .ConfigureServices(services =>
            {
                services.AddAkka("app", builder => builder
                    .WithRemoting("127.0.0.1", port)
                    .WithClustering(new ClusterOptions { SeedNodes = [$"akka.tcp://app@127.0.0.1:{seedPort}"] })
                    .WithActorStream(actorStream));
                services.AddActorStream();
            })
            .Build();

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
