using FinOps.Tests.Integration.Security;
using Microsoft.Playwright;

namespace FinOps.Tests.E2E.Auth;

/// <summary>Signs a person in at the local OpenID provider's login form, as they would.</summary>
public static class ProviderSignIn
{
    /// <summary>Waits for the provider's login form, fills it in for <paramref name="user"/> and submits it.</summary>
    public static async Task SignInAsync(IPage page, OidcTestProvider provider, string user)
    {
        await page.WaitForURLAsync(url => url.StartsWith(provider.Issuer + "/interaction/", StringComparison.Ordinal));
        await page.Locator("#username").FillAsync(user);
        await page.Locator("#password").FillAsync(OidcTestProvider.Password);
        await page.Locator("#sign-in").ClickAsync();
    }

    /// <summary>Opens <paramref name="path"/>, signs in as <paramref name="user"/> and waits until the page is interactive.</summary>
    public static async Task OpenSignedInAsync(IPage page, OidcTestProvider provider, string appBaseUrl, string user, string path)
    {
        await page.GotoAsync(path);
        await SignInAsync(page, provider, user);
        await page.WaitForURLAsync(url => url.StartsWith(appBaseUrl, StringComparison.Ordinal));
        await Infrastructure.BrowserFixture.WaitInteractiveAsync(page);
    }
}
