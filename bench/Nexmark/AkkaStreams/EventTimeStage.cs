using ActorStream.Bench.Nexmark.Model;
using ActorStream.Bench.Nexmark.Queries;
using Akka.Streams;
using Akka.Streams.Stage;

namespace ActorStream.Bench.Nexmark.AkkaStreams;

/// <summary>
/// A flow stage for the windows and timers Akka.Streams does not have: it tracks the source's watermark (the largest
/// timestamp seen - 4 s - 1 ms, as <see cref="LoopWatermark"/>) over every event, hands the events and the watermark
/// to an <see cref="EventTimeOperator{TOut}"/>, and at the end of input advances the watermark to
/// <see cref="long.MaxValue"/> so that every window left fires.
/// </summary>
public sealed class EventTimeStage<TOut> : GraphStage<FlowShape<Event, TOut>>
{
    private readonly string _name;
    private readonly Func<EventTimeOperator<TOut>> _createOperator;

    /// <summary>A stage named <paramref name="name"/> that runs a new operator from <paramref name="createOperator"/> per materialization.</summary>
    public EventTimeStage(string name, Func<EventTimeOperator<TOut>> createOperator)
    {
        _name = name;
        _createOperator = createOperator;
        Shape = new FlowShape<Event, TOut>(new Inlet<Event>($"{name}.in"), new Outlet<TOut>($"{name}.out"));
    }

    /// <inheritdoc />
    public override FlowShape<Event, TOut> Shape { get; }

    /// <inheritdoc />
    protected override Attributes InitialAttributes => Attributes.CreateName(_name);

    /// <inheritdoc />
    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(Shape, _createOperator());

    /// <summary>
    /// Pulls an event only when downstream has asked for a row and none is queued, so the queue holds at most what
    /// one watermark step fires.
    /// </summary>
    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly FlowShape<Event, TOut> _shape;
        private readonly EventTimeOperator<TOut> _operator;
        private readonly Queue<TOut> _pending;
        private LoopWatermark _watermark = new();

        public Logic(FlowShape<Event, TOut> shape, EventTimeOperator<TOut> @operator) : base(shape)
        {
            _shape = shape;
            _operator = @operator;
            _pending = @operator.Pending;
            SetHandler(shape.Inlet, this);
            SetHandler(shape.Outlet, this);
        }

        public override void OnPush()
        {
            var e = Grab(_shape.Inlet);
            // The source emits its watermark after the event, so the event meets the watermark of the events before it.
            _operator.ProcessEvent(e, _watermark.Current);
            _operator.AdvanceWatermark(_watermark.Observe(e.DateTime));
            if (_pending.Count > 0)
                Push(_shape.Outlet, _pending.Dequeue());
            else
                Pull(_shape.Inlet);
        }

        public override void OnPull()
        {
            if (_pending.Count > 0)
                Push(_shape.Outlet, _pending.Dequeue());
            else
                Pull(_shape.Inlet);
        }

        public override void OnUpstreamFinish()
        {
            _operator.AdvanceWatermark(long.MaxValue);
            // Emits the rows still queued as downstream asks for them, then completes.
            EmitMultiple(_shape.Outlet, _pending.ToArray(), CompleteStage);
            _pending.Clear();
        }
    }
}
