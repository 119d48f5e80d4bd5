using Bunit;
using FinOps.Domain.Scanning;
using FinOps.Tests.Components.Infrastructure;
using FinOps.Web.Components.Controls;
using FinOps.Web.Components.Pages;
using Microsoft.Extensions.DependencyInjection;

namespace FinOps.Tests.Components.Pages;

public sealed class ViolationsLoadFailureTests : DashboardTestContext
{
    private readonly FailingViolationPageSource _pages;

    public ViolationsLoadFailureTests()
        : this(new FailingViolationPageSource())
    {
    }

    private ViolationsLoadFailureTests(FailingViolationPageSource pages)
        : base(configureServices: services => services.AddSingleton<IViolationPageSource>(pages)) => _pages = pages;

    [Fact]
    public async Task A_page_that_fails_to_load_is_reported_without_the_error_text_and_loads_on_retry()
    {
        await this.RunScanAsync();

        var page = Render<Violations>();

        var alert = page.WaitForElement("[data-testid=violations-error]", PageTestExtensions.Patience);
        Assert.Equal("alert", alert.GetAttribute("role"));
        Assert.Contains("The list of violations could not be loaded: " + FailureText.Unexpected, alert.TextContent);
        Assert.DoesNotContain(FailingViolationPageSource.SecretMessage, page.Markup);
        Assert.DoesNotContain("every resource in scope follows the policy", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=violation-arn]"));

        _pages.Fails = false;
        await page.InvokeAsync(() => page.Find("[data-testid=violations-retry]").Click());

        page.WaitForElement("[data-testid=violations-grid] tbody tr [data-testid=violation-arn]", PageTestExtensions.Patience);
        Assert.Empty(page.FindAll("[data-testid=violations-error]"));
        Assert.EndsWith("violations", page.Find("[data-testid=violation-total]").TextContent.Trim());
    }
}
