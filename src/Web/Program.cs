using FinOps.Web.Api;
using FinOps.Web.Components;
using FinOps.Web.Hosting;
using FinOps.Web.Mcp;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.AddFinOpsCore();
builder.AddFinOpsMcp();
builder.Services.AddMudServices();
builder.Services.AddReportsApi();
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents()
    // Policy documents pasted into the editor or the import box may be up to 1 MiB.
    .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 1024 * 1024);

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseAntiforgery();
app.MapStaticAssets();
app.MapOpenApi();
app.MapReportsApi();
app.MapFinOpsMcp();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();

/// <summary>The web host's entry point (public for WebApplicationFactory).</summary>
public partial class Program;
