using FinOps.Web.Api;
using FinOps.Web.Components;
using FinOps.Web.Hosting;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(args);

builder.AddFinOpsCore();
builder.Services.AddMudServices();
builder.Services.AddReportsApi();
builder.Services.AddRazorComponents()
    .AddInteractiveServerComponents();

var app = builder.Build();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseAntiforgery();
app.MapStaticAssets();
app.MapOpenApi();
app.MapReportsApi();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();

/// <summary>The web host's entry point (public for WebApplicationFactory).</summary>
public partial class Program;
