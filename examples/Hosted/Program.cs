using ActorStream.Examples.Hosted;
using ActorStream.Hosting;
using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Configuration;
using Akka.Hosting;
using Akka.Persistence.Sql;
using Akka.Remote.Hosting;

// An ASP.NET Core app with its own Akka.NET cluster, its own sharded entities on its own journal, and an ActorStream
// job inside the same ActorSystem: POST /clicks -> actor source -> 10 s windows per item -> the item entities.
var builder = WebApplication.CreateBuilder(args);
var akkaPort = builder.Configuration.GetValue("akka-port", 4055);
var stateDb = builder.Configuration.GetValue("state-db", "./data/hosted-streams.db")!;
var appDb = builder.Configuration.GetValue("app-db", "./data/hosted-app.db")!;
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(appDb))!);

builder.Services.AddAkka("hosted", akka => akka
    .WithRemoting("127.0.0.1", akkaPort)
    .WithClustering(new ClusterOptions { SeedNodes = [$"akka.tcp://hosted@127.0.0.1:{akkaPort}"] })
    .AddHocon(ConfigurationFactory.ParseString($$"""
        akka.persistence {
          journal.plugin = "akka.persistence.journal.sql"
          journal.sql { connection-string = "Data Source={{appDb}}", provider-name = "SQLite.MS", auto-initialize = on }
          snapshot-store.plugin = "akka.persistence.snapshot-store.sql"
          snapshot-store.sql { connection-string = "Data Source={{appDb}}", provider-name = "SQLite.MS", auto-initialize = on }
        }
        """).WithFallback(SqlPersistence.DefaultConfiguration), HoconAddMode.Prepend)
    .WithShardRegion<ItemRegion>("items", item => Props.Create(() => new ItemEntity(item)), new ItemExtractor(), new ShardOptions())
    .WithActorStream(options =>
    {
        options.StateDb = stateDb;
        options.Slots = 2;
    }));
builder.Services.AddActorStream();
builder.Services.AddSingleton<ClickPipeline>();
builder.Services.AddHostedService(provider => provider.GetRequiredService<ClickPipeline>());

var app = builder.Build();

// 202 once the job holds the clicks for good (the checkpoint that includes them completed): a client that gets no 202 posts again.
app.MapPost("/clicks", async (Click[] clicks, ClickPipeline pipeline, CancellationToken cancellationToken) =>
{
    var writer = await pipeline.Writer.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
    await writer.SendAsync(clicks, cancellationToken).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
    return Results.Accepted();
});

app.MapGet("/items/{item}", async (string item, ActorRegistry registry, CancellationToken cancellationToken) =>
{
    var items = await registry.GetAsync<ItemRegion>(cancellationToken);
    return Results.Ok(await items.Ask<ItemTotals>(new GetItemTotals(item), TimeSpan.FromSeconds(10), cancellationToken));
});

app.Run();
