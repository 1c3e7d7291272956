namespace ActorStream.Examples.Clicks;

/// <summary>A decoded click event with the line it came from, so a late event can be passed on unchanged.</summary>
public sealed record ClickLine(ClickEvent Event, string Line);
