using AiCompliance.Cli.Scanning;
using Xunit;

namespace AiCompliance.Cli.Tests;

/// <summary>
/// Which workspace load failures leave a project unchecked. NuGet's NU1603 (restore took a newer version of a
/// dependency) reaches the workspace as a failure, but the project loads in full: it is a warning, not INCOMPLETE.
/// Every other failure still is.
/// </summary>
public class LoadDiagnosticTests
{
    [Theory]
    [InlineData("Msbuild failed when processing the file '/app/askpage.csproj' with message: Azure.AI.OpenAI 1.0.0-beta.6 depends on Azure.Core (>= 1.34.0) but Azure.Core 1.34.0 was not found. Azure.Core 1.36.0 was resolved instead.")]
    [InlineData("Msbuild failed when processing the file '/app/a.csproj' with message: A 1.0.0 depends on B (>= 2.0.0-preview.1) but B 2.0.0-preview.1 was not found. B 2.0.0 was resolved instead. ")]
    public void A_newer_dependency_resolved_by_restore_is_a_warning(string message) =>
        Assert.True(WorkspaceScanner.IsRestoreVersionNotice(message));

    [Theory]
    [InlineData("Msbuild failed when processing the file '/app/a.csproj' with message: The SDK 'Microsoft.NET.Sdk.Foo' specified could not be found.")]
    [InlineData("Msbuild failed when processing the file '/app/a.csproj' with message: Unable to find package B. No packages exist with this id in source(s): local")]
    [InlineData("Msbuild failed when processing the file '/app/a.csproj' with message: A 1.0.0 depends on B (>= 2.0.0) but B 2.0.0 was not found. An approximate best match of B 2.1.0 was resolved. Then the build failed: error CS0246.")]
    [InlineData("Msbuild failed when processing the file '/app/a.csproj' with message: Detected package downgrade: B from 2.0.0 to 1.0.0.")]
    public void Any_other_load_failure_still_leaves_the_project_unchecked(string message) =>
        Assert.False(WorkspaceScanner.IsRestoreVersionNotice(message));
}
