return await ActorStream.Host.Cli.InvokeAsync(args);
