namespace FinOps.Bench;

/// <summary>Where the app's content lives when a console harness, not a test project, hosts it.</summary>
internal static class HarnessContentRoot
{
    /// <summary>
    /// Points the test host at <c>src/Web</c>: the factory finds a test project's content root by convention, a
    /// harness has to name it.
    /// </summary>
    public static void Use()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FinOpsDashboard.sln")))
            {
                Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_FINOPS_WEB", Path.Combine(dir.FullName, "src", "Web"));
                return;
            }
        }
    }
}
