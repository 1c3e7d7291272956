using ActorStream.Actors.JobMaster;
using ActorStream.Graph;
using Akka.Actor;

namespace ActorStream.Actors.Client;

/// <summary>Turns the job master's outcome message into the client's task, then stops.</summary>
internal sealed class JobResultListener : ReceiveActor
{
    public JobResultListener(TaskCompletionSource<JobExecutionResult> outcome)
    {
        Receive<JobSucceeded>(succeeded =>
        {
            outcome.TrySetResult(succeeded.Result);
            Context.Stop(Self);
        });
        Receive<JobEnded>(ended =>
        {
            outcome.TrySetException(ended.Error);
            Context.Stop(Self);
        });
    }

    public static Props Props(TaskCompletionSource<JobExecutionResult> outcome) =>
        Akka.Actor.Props.Create(() => new JobResultListener(outcome));
}
