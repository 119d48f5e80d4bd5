using System.Net;
using FinOps.Domain.Policy;
using FinOps.Tests.E2E.Infrastructure;
using FinOps.Tests.Integration.Security;
using FinOps.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace FinOps.Tests.E2E.Auth;

/// <summary>
/// The dashboard with sign-in at a real OpenID provider (oidc-provider on loopback): who sees what, who may scan and
/// export, and what happens when a session ends.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInTests : IClassFixture<OidcTestProvider>, IAsyncLifetime
{
    private readonly BrowserFixture _browser;
    private readonly OidcTestProvider _provider;
    private readonly FakeTimeProvider _sessionTime = new(DateTimeOffset.UtcNow);
    private SecuredAppHost _app = null!;

    public SignInTests(BrowserFixture browser, OidcTestProvider provider)
    {
        _browser = browser;
        _provider = provider;
    }

    public async Task InitializeAsync()
    {
        _app = SecuredAppHost.StartSignedIn(_provider, services: s => s.AddSingleton(new SessionClock(_sessionTime)));
        await _app.ScanAsync();
    }

    [Fact]
    public async Task An_anonymous_visit_redirects_to_sign_in_and_comes_back_to_the_page_asked_for()
    {
        var page = await _browser.NewPageAsync(_app.BaseUrl);

        await page.GotoAsync("/costs?metric=amortized");
        await ProviderSignIn.SignInAsync(page, _provider, "analyst");

        await page.WaitForURLAsync(_app.BaseUrl + "/costs?metric=amortized");
        await BrowserFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("Ana Analyst");
        await Assertions.Expect(page.GetByTestId("signed-in-role")).ToHaveTextAsync("analyst");
        Assert.Equal(0, await page.GetByTestId("local-mode-banner").CountAsync());
    }

    [Fact]
    public async Task A_viewer_sees_the_overview_but_no_scan_button_and_gets_403_from_the_export_api()
    {
        var page = await _browser.NewPageAsync(_app.BaseUrl);
        await ProviderSignIn.OpenSignedInAsync(page, _provider, _app.BaseUrl, "viewer", "/");

        await page.GetByTestId("region-table").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("signed-in-role")).ToHaveTextAsync("viewer");
        Assert.Equal(0, await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Reports" }).CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "signed-in-viewer");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Scan" }).ClickAsync();
        await page.GetByTestId("scan-not-permitted").WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("start-scan").CountAsync());

        // The export API with the viewer's own session cookie.
        var export = await page.Context.APIRequest.GetAsync(_app.BaseUrl + "/api/violations.csv");
        Assert.Equal((int)HttpStatusCode.Forbidden, export.Status);
        Assert.Contains("finops:export", await export.TextAsync());
    }

    [Fact]
    public async Task An_analyst_starts_a_scan_from_the_scan_page()
    {
        var page = await _browser.NewPageAsync(_app.BaseUrl);
        await ProviderSignIn.OpenSignedInAsync(page, _provider, _app.BaseUrl, "analyst", "/scan");

        await BrowserFixture.ClickUntilAtAsync(page, page.GetByTestId("start-scan"), url => url.Contains("/scan/", StringComparison.Ordinal));

        await Assertions.Expect(page.GetByTestId("job-status")).ToHaveTextAsync("succeeded", new() { Timeout = 60_000 });
    }

    [Fact]
    public async Task A_manager_downloads_a_report()
    {
        var page = await _browser.NewPageAsync(_app.BaseUrl);
        await ProviderSignIn.OpenSignedInAsync(page, _provider, _app.BaseUrl, "manager", "/reports");
        await page.GetByTestId("region-report").WaitForAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-report").ClickAsync());

        Assert.Matches(@"^finops-regions-\d{4}-\d{2}\.pdf$", download.SuggestedFilename);
        var path = Path.Combine(BrowserFixture.ScreenshotFolder, "manager-report.pdf");
        await download.SaveAsAsync(path);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path), 0, 4));
    }

    [Fact]
    public async Task An_admin_edits_the_policy_and_a_viewer_can_only_read_it()
    {
        var policies = _app.Services.GetRequiredService<PolicyService>();
        var current = await policies.GetPolicyAsync(CancellationToken.None);
        var edited = current with { RequiredTags = [.. current.RequiredTags.Where(t => t.Key != "Owner")] };

        var viewer = await _browser.NewPageAsync(_app.BaseUrl);
        await ProviderSignIn.OpenSignedInAsync(viewer, _provider, _app.BaseUrl, "viewer", "/policy");
        await viewer.GetByTestId("policy-tags").WaitForAsync();
        await OpenTabAsync(viewer, "Edit");
        await Assertions.Expect(viewer.GetByText("Only policy administrators can change the policy.")).ToBeVisibleAsync();
        await Assertions.Expect(viewer.GetByRole(AriaRole.Textbox, new() { Name = "Policy JSON" })).ToBeDisabledAsync();
        await Assertions.Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Save policy" })).ToBeDisabledAsync();

        var admin = await _browser.NewPageAsync(_app.BaseUrl);
        await ProviderSignIn.OpenSignedInAsync(admin, _provider, _app.BaseUrl, "admin", "/policy");
        await admin.GetByTestId("policy-tags").WaitForAsync();
        await OpenTabAsync(admin, "Edit");
        await admin.GetByRole(AriaRole.Textbox, new() { Name = "Policy JSON" }).FillAsync(TaggingPolicyJson.Serialize(edited));
        await Assertions.Expect(admin.GetByTestId("policy-valid")).ToContainTextAsync(edited.ShortHash);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save policy" }).ClickAsync();

        await Assertions.Expect(admin.GetByTestId("policy-saved")).ToContainTextAsync(edited.ShortHash);
        Assert.Equal(edited.ShortHash, (await policies.GetPolicyAsync(CancellationToken.None)).ShortHash);
        await BrowserFixture.ScreenshotAsync(admin, "signed-in-admin-policy-saved");
    }

    [Fact]
    public async Task A_person_without_a_finops_role_is_told_so()
    {
        var page = await _browser.NewPageAsync(_app.BaseUrl);
        await page.GotoAsync("/");
        await ProviderSignIn.SignInAsync(page, _provider, "norole");

        await page.WaitForURLAsync(url => url.StartsWith(_app.BaseUrl + "/access-denied", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("access-denied")).ToContainTextAsync("without a FinOps role");
    }

    [Fact]
    public async Task When_the_session_ends_an_open_page_sends_the_user_to_sign_in_and_back_to_the_same_page()
    {
        var page = await _browser.NewPageAsync(_app.BaseUrl);
        await ProviderSignIn.OpenSignedInAsync(page, _provider, _app.BaseUrl, "manager", "/costs?metric=amortized");
        var signIn = page.WaitForRequestAsync(r => r.Url.StartsWith(_app.BaseUrl + "/account/login?returnUrl=", StringComparison.Ordinal));
        var signedInAgain = page.WaitForResponseAsync(r => r.Url.StartsWith(_app.BaseUrl + "/signin-oidc", StringComparison.Ordinal));

        _sessionTime.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));

        // Out to the sign-in endpoint (and the provider, whose own session is still open), then back to the page.
        Assert.Equal(_app.BaseUrl + "/account/login?returnUrl=%2Fcosts%3Fmetric%3Damortized", (await signIn).Url);
        await signedInAgain;
        await page.WaitForURLAsync(_app.BaseUrl + "/costs?metric=amortized");
        await BrowserFixture.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("Max Manager");
    }

    [Fact]
    public async Task Signing_out_ends_the_session_here_and_at_the_provider()
    {
        var page = await _browser.NewPageAsync(_app.BaseUrl);
        await ProviderSignIn.OpenSignedInAsync(page, _provider, _app.BaseUrl, "viewer", "/");

        await page.GetByTestId("sign-out").ClickAsync();

        // Back at the app, which asks for a fresh sign-in: the provider shows its login form again.
        await page.WaitForURLAsync(url => url.StartsWith(_provider.Issuer + "/interaction/", StringComparison.Ordinal));
        await page.Locator("#username").WaitForAsync();
        var export = await page.Context.APIRequest.GetAsync(_app.BaseUrl + "/api/violations.csv");
        Assert.Equal((int)HttpStatusCode.Unauthorized, export.Status);
    }

    /// <summary>Clicks a tab until it is selected (a click before the circuit is up does nothing).</summary>
    private static async Task OpenTabAsync(IPage page, string name)
    {
        var tab = page.GetByRole(AriaRole.Tab, new() { Name = name });
        await Assertions.Expect(tab).ToBeVisibleAsync();
        await tab.ClickAsync();
        await Assertions.Expect(tab).ToHaveAttributeAsync("aria-selected", "true");
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }
}
