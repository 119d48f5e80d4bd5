namespace FinOps.Tests.Integration.Mcp;

/// <summary>Where the repository's files are, found from the test binaries (the solution file marks the root).</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The npm fixtures of the MCP tests (run <c>npm ci</c> there; scripts/test.sh does).</summary>
    public static string NodeFixtures => Path.Combine(Root, "tests", "Integration", "node");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FinOpsDashboard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (FinOpsDashboard.sln) was not found above " + AppContext.BaseDirectory);
    }
}
