using Xunit;

namespace AiCompliance.Cli.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Defaults_to_the_table_format_on_standard_output()
    {
        var command = CommandLine.Parse(new[] { "scan", "app.csproj" });
        Assert.Equal("app.csproj", command.Path);
        Assert.Equal(ReportFormat.Table, command.Format);
        Assert.Null(command.OutputFile);
        Assert.False(command.NoRestore);
    }

    [Theory]
    [InlineData("markdown", "Markdown")]
    [InlineData("md", "Markdown")]
    [InlineData("JSON", "Json")]
    [InlineData("sarif", "Sarif")]
    [InlineData("html", "Html")]
    [InlineData("table", "Table")]
    public void Parses_formats(string value, string format)
    {
        var expected = System.Enum.Parse<ReportFormat>(format);
        Assert.Equal(expected, CommandLine.Parse(new[] { "scan", ".", "--format", value }).Format);
        Assert.Equal(expected, CommandLine.Parse(new[] { "scan", "-f", value, "." }).Format);
        Assert.Equal(expected, CommandLine.Parse(new[] { "scan", ".", "--format=" + value }).Format);
    }

    [Fact]
    public void Parses_output_and_switches()
    {
        var command = CommandLine.Parse(new[] { "scan", "--output", "out/report.html", "x.sln", "--no-restore", "-q" });
        Assert.Equal("out/report.html", command.OutputFile);
        Assert.Equal("x.sln", command.Path);
        Assert.True(command.NoRestore);
        Assert.True(command.Quiet);
    }

    [Fact]
    public void Rejects_two_paths()
    {
        var ex = Assert.Throws<ScanFailedException>(() => CommandLine.Parse(new[] { "scan", "a.sln", "b.sln" }));
        Assert.Contains("more than one path", ex.Message, System.StringComparison.Ordinal);
    }
}
