using ActorStream.Actors.JobMaster;
using ActorStream.Actors.Node;
using ActorStream.Graph;
using Akka.Actor;
using Akka.Cluster.Sharding;

namespace ActorStream.Actors.Cluster;

/// <summary>
/// A node's entry point for clients outside the cluster (the CLI): submits jobs by spec, forwards job
/// commands to their job masters, lists jobs and nodes. Answers go straight to the client. A client
/// that dies leaves its jobs running: nothing here watches it.
/// </summary>
internal sealed class JobGatewayActor : ReceiveActor
{
    /// <summary>The gateway's name under /user.</summary>
    public const string Name = "actorstream-gateway";

    public JobGatewayActor(JobGraphs graphs, IActorRef jobMasters, IActorRef slotManager, JobDirectory directory)
    {
        Receive<SubmitJobSpec>(submit =>
        {
            var jobId = Guid.NewGuid().ToString("N");
            try
            {
                // Checked here too so a client talking to a node of another program version learns it at once.
                graphs.Catalog.Rebuild(submit.Spec);
            }
            catch (JobDeploymentException e)
            {
                Sender.Tell(new JobRejected(jobId, e.Message));
                return;
            }
            jobMasters.Forward(new ShardingEnvelope(jobId, new SubmitJob(jobId, submit.Spec, ActorRefs.Nobody)));
        });
        Receive<ToJob>(command => jobMasters.Forward(new ShardingEnvelope(command.JobId, command.Command)));
        Receive<GetClusterNodes>(get => slotManager.Forward(get));
        Receive<ListJobs>(_ => directory.ReadAsync().PipeTo(Sender, success: jobs => new JobList(jobs)));
    }

    public static Props Props(JobGraphs graphs, IActorRef jobMasters, IActorRef slotManager, JobDirectory directory) =>
        Akka.Actor.Props.Create(() => new JobGatewayActor(graphs, jobMasters, slotManager, directory));
}
