using FinOps.Web.Api;
using FinOps.Web.Components;
using FinOps.Web.Hosting;
using FinOps.Web.Hosting.Health;
using FinOps.Web.Mcp;
using FinOps.Web.Security;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.AddFinOpsCore();
builder.AddFinOpsSecurity();
builder.AddFinOpsMcp();
builder.Services.AddMudServices();
builder.Services.AddReportsApi();
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents()
    // Policy documents pasted into the editor or the import box may be up to 1 MiB.
    .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 1024 * 1024);

var app = builder.Build();

app.UseFinOpsSecurity();
app.MapStaticAssets();
app.MapFinOpsHealth();
app.MapAccountEndpoints().RequireRateLimiting(ClientRateLimits.Policy);
app.MapOpenApi().RequireAuthorization(FinOpsPolicies.Read);
app.MapReportsApi()
    .RequireAuthorization(FinOpsPolicies.Export)
    .RequireRateLimiting(ClientRateLimits.Policy)
    .AddEndpointFilter<ExportAuditFilter>();
app.MapFinOpsMcp()
    .RequireAuthorization(FinOpsPolicies.Read)
    .RequireRateLimiting(ClientRateLimits.Policy);
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = "'none'")
    .RequireAuthorization(FinOpsPolicies.Read);

try
{
    app.Run();
}
catch (StartupRefusedException refused)
{
    // Already logged as critical; also said plainly on the console, without a stack trace.
    await Console.Error.WriteLineAsync("FinOps refused to start: " + refused.Message);
    Environment.ExitCode = 2;
}
catch (Microsoft.Extensions.Options.OptionsValidationException invalid)
{
    await Console.Error.WriteLineAsync("FinOps settings are invalid:" + string.Concat(invalid.Failures.Select(f => Environment.NewLine + " - " + f)));
    Environment.ExitCode = 2;
}
catch (InvalidOperationException unreadable) when (SettingValueError.Describe(unreadable) is { } message)
{
    await Console.Error.WriteLineAsync("FinOps settings are invalid:" + Environment.NewLine + " - " + message);
    Environment.ExitCode = 2;
}

/// <summary>The web host's entry point (public for WebApplicationFactory).</summary>
public partial class Program;
