using ActorStream.Graph;

namespace ActorStream.Graph.Tests.Jobs;

public sealed class JobCatalogTests
{
    private static void Numbers(StreamExecutionEnvironment env, IReadOnlyDictionary<string, string> args)
    {
        env.Parallelism = int.Parse(args.GetValueOrDefault("parallelism", "2"), System.Globalization.CultureInfo.InvariantCulture);
        env.FromSequence(1, 100).Uid("numbers").KeyBy(x => x % 3).Reduce((a, b) => a + b).Uid("sums").Print().Uid("print");
    }

    private static JobCatalog Catalog() => new JobCatalog().Add("numbers", Numbers);

    [Fact]
    public void A_spec_should_rebuild_to_the_same_graph_in_another_catalog_of_the_same_program()
    {
        var (spec, graph) = Catalog().Describe("numbers", new Dictionary<string, string> { ["parallelism"] = "3" });

        var rebuilt = Catalog().Rebuild(spec);

        Assert.Equal(JobFingerprints.OfGraph(graph), JobFingerprints.OfGraph(rebuilt));
        Assert.Equal(3, rebuilt.Vertices.Max(v => v.Parallelism));
        Assert.Equal("numbers", rebuilt.JobName);
    }

    [Fact]
    public void The_graph_fingerprint_should_change_with_the_arguments_that_shape_the_graph()
    {
        var two = Catalog().Describe("numbers", new Dictionary<string, string> { ["parallelism"] = "2" }).Spec.Fingerprint;
        var three = Catalog().Describe("numbers", new Dictionary<string, string> { ["parallelism"] = "3" }).Spec.Fingerprint;

        Assert.NotEqual(two.Graph, three.Graph);
        Assert.Equal(two.Build, three.Build);
    }

    [Fact]
    public void A_program_that_builds_another_graph_for_the_same_spec_should_be_refused_with_the_difference()
    {
        var spec = Catalog().Describe("numbers", new Dictionary<string, string>()).Spec;
        var drifted = new JobCatalog().Add("numbers", (env, args) =>
        {
            Numbers(env, args);
            env.FromSequence(1, 2).Uid("extra").Print().Uid("extra-print");
        });

        var error = Assert.Throws<JobDeploymentException>(() => drifted.Rebuild(spec));

        Assert.Contains("the job graph built from the same arguments differs", error.Message);
    }

    [Fact]
    public void Another_build_of_the_program_should_be_refused_naming_both_builds()
    {
        var spec = Catalog().Describe("numbers", new Dictionary<string, string>()).Spec;
        var fromOtherBuild = spec with { Fingerprint = spec.Fingerprint with { Build = "0000000000000000" } };

        var error = Assert.Throws<JobDeploymentException>(() => Catalog().Rebuild(fromOtherBuild));

        Assert.Contains("the program build differs (submitted build 0000000000000000", error.Message);
    }

    [Fact]
    public void A_job_the_program_does_not_define_should_be_refused_listing_the_jobs_it_has()
    {
        var spec = new JobSpec("nope", new Dictionary<string, string>(), new JobFingerprint("g", "b"));

        var error = Assert.Throws<JobDeploymentException>(() => Catalog().Rebuild(spec));

        Assert.Contains("job 'nope' is not in this node's job catalog (it has: numbers)", error.Message);
    }

    [Fact]
    public void Bad_arguments_should_be_refused_as_a_deployment_error_with_the_cause()
    {
        var spec = Catalog().Describe("numbers", new Dictionary<string, string>()).Spec with
        {
            Arguments = new Dictionary<string, string> { ["parallelism"] = "many" },
        };

        var error = Assert.Throws<JobDeploymentException>(() => Catalog().Rebuild(spec));

        Assert.Contains("could not be built on this node: FormatException", error.Message);
    }

    [Fact]
    public void Specs_should_be_equal_by_value()
    {
        var a = Catalog().Describe("numbers", new Dictionary<string, string> { ["parallelism"] = "2" }).Spec;
        var b = Catalog().Describe("numbers", new Dictionary<string, string> { ["parallelism"] = "2" }).Spec;

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }
}
