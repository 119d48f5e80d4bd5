using FinOps.Web.Components;
using FinOps.Web.Hosting;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.AddFinOpsCore();
FinOps.Web.Mcp.McpServerSetup.AddFinOpsMcp(builder);
builder.Services.AddMudServices();
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseAntiforgery();
app.MapStaticAssets();
FinOps.Web.Mcp.McpServerSetup.MapFinOpsMcp(app);
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();

/// <summary>The web host's entry point (public for WebApplicationFactory).</summary>
public partial class Program;
