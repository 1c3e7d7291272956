using ActorStream.Actors.Cluster;
using ActorStream.Actors.Node;
using ActorStream.Graph;
using Akka.Configuration;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ActorStream.Hosting;

/// <summary>ActorStream on Akka.Hosting.</summary>
public static class ActorStreamHostingExtensions
{
    /// <summary>
    /// Adds ActorStream to the actor system: its serializer bindings, its own journal and snapshot store (never the
    /// application's default ones), its shard regions with settings of their own (subtasks never passivate), and this
    /// member's slots as a cluster role. Call it after <c>WithClustering</c>; the application's actors, journals and
    /// shard regions keep working unchanged beside it. Stopping the application stops (or cancels) the jobs it submitted.
    /// </summary>
    public static AkkaConfigurationBuilder WithActorStream(this AkkaConfigurationBuilder builder, Action<ActorStreamOptions>? configure = null)
    {
        var options = new ActorStreamOptions();
        configure?.Invoke(options);
        var ours = ConfigurationFactory.ParseString($$"""
            actorstream {
              state.db = {{HoconText.Quote(options.StateDb)}}
              node.slots = {{options.Slots}}
              sharding.role = {{HoconText.Quote(options.Role ?? "")}}
            }
            """);
        // Record batches and checkpoint messages need larger remote frames than Akka's default 128 kB; an application's
        // own (larger) setting wins: this is only a fallback.
        ours = ours.WithFallback(ConfigurationFactory.ParseString("""
            akka.remote.dot-netty.tcp {
              maximum-frame-size = 4194304b
              send-buffer-size = 4194304b
              receive-buffer-size = 4194304b
            }
            """));
        if (options.Hocon is { } hocon)
            ours = ConfigurationFactory.ParseString(hocon).WithFallback(ours);
        var settings = NodeSettings.Create(ours);
        builder.AddHocon(ours.WithFallback(ActorStreamNode.EmbeddingConfig(settings)), HoconAddMode.Append);
        // The slot manager learns a member's slots from its roles: add ours to the roles WithClustering set.
        var roles = builder.Configuration.HasValue ? builder.Configuration.Value.GetStringList("akka.cluster.roles") : [];
        var role = NodeSlots.Role(settings.Slots);
        if (!roles.Contains(role))
            builder.AddHocon(ConfigurationFactory.ParseString($"akka.cluster.roles = [{string.Join(", ", roles.Append(role).Select(HoconText.Quote))}]"),
                HoconAddMode.Prepend);
        builder.AddStartup(async (system, _) =>
            await ActorStreamRuntime.Get(system).StartAsync(settings, options).ConfigureAwait(false));
        return builder;
    }

    /// <summary>
    /// Registers what the application needs to run jobs on the ActorStream of its actor system (added with
    /// <see cref="WithActorStream"/>): an <see cref="IJobExecutor"/> for <c>StreamExecutionEnvironment.Create(executor)</c>,
    /// <see cref="IActorStreamJobs"/> to submit catalog jobs and find jobs by id, and the <see cref="ActorStreamRuntime"/>.
    /// </summary>
    public static IServiceCollection AddActorStream(this IServiceCollection services)
    {
        services.AddSingleton(provider => ActorStreamRuntime.Get(provider.GetRequiredService<Akka.Actor.ActorSystem>()));
        services.AddSingleton<IJobExecutor>(provider => provider.GetRequiredService<ActorStreamRuntime>().Executor);
        services.AddSingleton<IActorStreamJobs>(provider => provider.GetRequiredService<ActorStreamRuntime>());
        return services;
    }
}
