using ActorStream.Actors.JobMaster;

namespace ActorStream.Actors.Tests.JobMaster;

public sealed class WatermarkAlignmentTableSpecs
{
    [Fact]
    public void The_group_minimum_should_cover_every_subtask_of_every_source_of_the_group_and_only_that_group()
    {
        var table = new WatermarkAlignmentTable();

        Assert.Equal(500, table.Report(new ReportSourceWatermark("g", "clicks", 0, 500)));
        Assert.Equal(200, table.Report(new ReportSourceWatermark("g", "views", 1, 200)));
        Assert.Equal(7, table.Report(new ReportSourceWatermark("other", "views", 1, 7)));
        Assert.Equal(200, table.Report(new ReportSourceWatermark("g", "clicks", 0, 900)));
        Assert.Equal(900, table.Report(new ReportSourceWatermark("g", "views", 1, long.MaxValue))); // ended or idle: holds no one back
        Assert.Equal(long.MinValue, table.Report(new ReportSourceWatermark("g", "clicks", 1, long.MinValue)));
    }
}
