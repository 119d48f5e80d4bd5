using Bunit;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Layout;

public sealed class FilterBarVisibilityTests : DashboardTestContext
{
    private static readonly TimeSpan PageTestTimeout = TimeSpan.FromSeconds(20);

    public FilterBarVisibilityTests()
    {
        Services.AddCascadingAuthenticationState();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Theory]
    [InlineData("/policy")]
    [InlineData("/scan")]
    [InlineData("/scan/0123456789abcdef?regions=eu-west-1")]
    public void The_region_filter_is_not_shown_on_a_page_it_does_nothing_on(string path)
    {
        Navigation.NavigateTo(path);

        var layout = RenderLayout();

        Assert.Empty(layout.FindAll("[data-testid=region-filter]"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/violations?regions=eu-west-1")]
    [InlineData("/costs")]
    [InlineData("/regions/eu-west-1")]
    [InlineData("/reports")]
    public void The_region_filter_is_shown_on_pages_it_narrows(string path)
    {
        Navigation.NavigateTo(path);

        var layout = RenderLayout();

        Assert.Single(layout.FindAll("[data-testid=region-filter]"));
    }

    [Fact]
    public void Going_from_a_filtered_page_to_the_policy_page_hides_the_filter_and_coming_back_shows_it()
    {
        Navigation.NavigateTo("/violations");
        var layout = RenderLayout();

        Navigation.NavigateTo("/policy");
        layout.WaitForAssertion(() => Assert.Empty(layout.FindAll("[data-testid=region-filter]")), PageTestTimeout);
        Navigation.NavigateTo("/costs");
        layout.WaitForAssertion(() => Assert.Single(layout.FindAll("[data-testid=region-filter]")), PageTestTimeout);
    }

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page"))));
}
