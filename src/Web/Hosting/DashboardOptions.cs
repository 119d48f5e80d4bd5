namespace FinOps.Web.Hosting;

/// <summary>Dashboard settings (section <c>FinOps:Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    public const string Section = "FinOps:Dashboard";

    /// <summary>Start a scan of every cost-generating type in every enabled region when the app starts, so the first visitor sees data.</summary>
    public bool ScanOnStartup { get; set; } = true;
}
