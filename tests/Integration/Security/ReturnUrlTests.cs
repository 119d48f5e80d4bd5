using System.Net;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FinOps.Web.Security;

namespace FinOps.Tests.Integration.Security;

/// <summary>Sign-in's return address: always a path of this app, always plain ASCII (a non-ASCII Location header is a 500).</summary>
[Collection(KeyedAppCollection.Name)]
public sealed class ReturnUrlTests(KeyedAppFixture fixture)
{
    private static readonly Uri App = new("https://finops.example.com/");

    [Theory]
    [InlineData("%2Fcosts%3Fx%3D%C3%A9", "/costs?x=%C3%A9")]
    [InlineData("/%E3%80%82evil.example", "/%E3%80%82evil.example")]
    [InlineData("/%EF%BC%8E/evil.example", "/%EF%BC%8E/evil.example")]
    [InlineData("/%EF%BC%8F%EF%BC%8Fevil.example", "/%EF%BC%8F%EF%BC%8Fevil.example")]
    [InlineData("%2F%2Fevil.example", "/")]
    [InlineData("https%3A%2F%2Fevil.example%2F", "/")]
    [InlineData("%2Fcosts%3Fperiod%3D2026-10%26regions%3Deu-west-1", "/costs?period=2026-10&regions=eu-west-1")]
    public async Task Login_redirects_to_an_ascii_path_of_the_app(string returnUrl, string expected)
    {
        using var http = fixture.App.NewHttpClient();

        using var response = await http.GetAsync(new Uri("/account/login?returnUrl=" + returnUrl, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Property(MaxTest = 500)]
    public Property Any_return_url_becomes_an_ascii_path_on_the_apps_own_host()
    {
        var text = ArbMap.Default.ArbFor<string>().Generator.Select(s => s ?? "");
        var urls = Gen.Frequency(
            (1, text),
            (3, text.Select(s => "/" + s)),
            (2, Gen.Elements("/", "//", "/\\", "/。", "/．/", "／", "%2F", "http:", "/\u0000", "/é", "/\ud800").Zip(text).Select(p => p.Item1 + p.Item2)));
        return Prop.ForAll(urls.ToArbitrary(), url =>
        {
            var local = ReturnUrls.Local(url);
            return local.All(c => c is > ' ' and < '\u007f')
                && local.StartsWith('/')
                && !local.StartsWith("//", StringComparison.Ordinal)
                && !local.StartsWith("/\\", StringComparison.Ordinal)
                && new Uri(App, local).Host == App.Host;
        });
    }

    [Property(MaxTest = 300)]
    public Property Paths_of_the_app_keep_their_meaning()
    {
        var segment = Gen.Elements("costs", "regions", "eu-west-1", "é", "日本", "a b", "%41", "x=1&y=2").ArrayOf();
        return Prop.ForAll(segment.ToArbitrary(), parts =>
        {
            var path = "/" + string.Join("/", parts.Where(p => p.Length > 0));
            var local = ReturnUrls.Local(path);
            // Decoding the encoded form gives back the path asked for, so the browser lands where the user was.
            return path.StartsWith("//", StringComparison.Ordinal) || Uri.UnescapeDataString(local) == Uri.UnescapeDataString(path);
        });
    }
}
