using System.Collections.Immutable;
using FinOps.Domain.Owners;
using FinOps.Domain.Resources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FinOps.Tests.Unit.Owners;

public sealed class OwnerDirectoryTests
{
    private static CloudResource Resource(string region, params (string Key, string Value)[] tags) =>
        new($"arn:aws:ec2:{region}:123456789012:instance/i-{Guid.NewGuid():N}", "ec2:instance", region,
            [.. tags.Select(t => new Tag(t.Key, t.Value))]);

    private static OwnersOptions Options() => new()
    {
        Teams =
        {
            ["platform"] = new OwnerTeamOptions
            {
                Email = "platform@example.com",
                SlackWebhook = "https://hooks.slack.example/T1/B1/x",
                Members = ["alice@example.com", "bob"],
            },
        },
        Fallback = { ["eu-west-1"] = "platform", ["Default"] = "finops@example.com" },
    };

    [Fact]
    public void The_owner_tag_names_the_owner_and_a_member_value_resolves_to_its_team()
    {
        var directory = OwnerDirectory.Create(Options());

        var carol = directory.Resolve(Resource("us-east-1", ("Owner", "carol@example.com")));
        var alice = directory.Resolve(Resource("us-east-1", ("Owner", " Alice@Example.com ")));
        var team = directory.Resolve(Resource("us-east-1", ("Owner", "PLATFORM")));

        Assert.Equal(new Owner("carol@example.com", OwnerSource.Tag, new OwnerContacts("carol@example.com", null, null)), carol);
        Assert.Equal("platform", alice.Name);
        Assert.Equal(OwnerSource.Team, alice.Source);
        Assert.Equal("platform@example.com", alice.Contacts.Email);
        Assert.Equal(new Uri("https://hooks.slack.example/T1/B1/x"), alice.Contacts.SlackWebhook);
        Assert.Same(alice, team);
    }

    [Fact]
    public void With_email_domains_set_a_tag_value_outside_them_names_the_owner_but_is_not_mailed()
    {
        var options = Options();
        options.EmailDomains = ["example.com"];
        options.Fallback["Default"] = "finops@elsewhere.org";
        var directory = OwnerDirectory.Create(options);

        var outside = directory.Resolve(Resource("us-east-1", ("Owner", "mallory@attacker.example.net")));
        var below = directory.Resolve(Resource("us-east-1", ("Owner", "dave@eu.example.com")));
        var lookalike = directory.Resolve(Resource("us-east-1", ("Owner", "eve@notexample.com")));
        var fallback = directory.Resolve(Resource("ap-south-1"));

        Assert.Equal(("mallory@attacker.example.net", OwnerSource.Tag, (string?)null), (outside.Name, outside.Source, outside.Contacts.Email));
        Assert.Equal("dave@eu.example.com", below.Contacts.Email);
        Assert.Null(lookalike.Contacts.Email);
        Assert.Equal("finops@elsewhere.org", fallback.Contacts.Email);
    }

    [Theory]
    [InlineData("example")]
    [InlineData("@example.com")]
    [InlineData("exa mple.com")]
    public void A_bad_email_domain_stops_start_up_naming_the_setting(string domain)
    {
        var options = Options();
        options.EmailDomains = ["example.com", domain];

        var (directory, errors) = OwnerDirectory.TryCreate(options);

        Assert.Null(directory);
        Assert.Contains(errors, e => e.StartsWith("FinOps:Owners:EmailDomains:1 ", StringComparison.Ordinal) && e.Contains("domain name", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_tag_the_region_fallback_then_the_default_then_unowned()
    {
        var directory = OwnerDirectory.Create(Options());
        var bare = OwnerDirectory.Create(new OwnersOptions());

        Assert.Equal("platform", directory.Resolve(Resource("eu-west-1")).Name);
        var fallback = directory.Resolve(Resource("us-east-1", ("Team", "x")));
        Assert.Equal(("finops@example.com", OwnerSource.Fallback, "finops@example.com"), (fallback.Name, fallback.Source, fallback.Contacts.Email));
        Assert.Same(Owner.Unowned, bare.Resolve(Resource("us-east-1")));
        Assert.Same(Owner.Unowned, bare.Resolve(Resource("us-east-1", ("Owner", "   "))));
    }

    [Fact]
    public void The_tag_key_is_a_setting()
    {
        var directory = OwnerDirectory.Create(new OwnersOptions { TagKey = "Team" });

        Assert.Equal("data", directory.Resolve(Resource("us-east-1", ("Owner", "x"), ("Team", "data"))).Name);
        Assert.Same(Owner.Unowned, directory.Resolve(Resource("us-east-1", ("Owner", "x"))));
    }

    [Fact]
    public void Bad_settings_are_refused_naming_the_setting_and_never_repeating_a_webhook()
    {
        var options = new OwnersOptions
        {
            Teams =
            {
                ["web"] = new OwnerTeamOptions { Email = "not-an-address", TeamsWebhook = "http://secret-hook.example/abc" },
            },
            Fallback = { ["moon-1"] = "web" },
        };

        var errors = Assert.Throws<OwnerSettingsException>(() => OwnerDirectory.Create(options)).Errors;

        Assert.Contains(errors, e => e.StartsWith("FinOps:Owners:Teams:web:Email 'not-an-address' is not an e-mail address", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("FinOps:Owners:Teams:web:TeamsWebhook is not an absolute https URL", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("FinOps:Owners:Fallback:moon-1 is not a region code", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("secret-hook", StringComparison.Ordinal));
    }

    [Fact]
    public void Teams_come_from_a_json_file_and_an_unknown_file_is_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"owners-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "teams": { "data": { "email": "data@example.com", "teamsWebhook": "https://teams.example/wf/1", "members": ["dave"] } } }
            """);
        try
        {
            var directory = OwnerDirectory.Create(new OwnersOptions { File = path });
            var owner = directory.Resolve(Resource("us-east-1", ("Owner", "dave")));
            Assert.Equal(("data", "data@example.com", new Uri("https://teams.example/wf/1")), (owner.Name, owner.Contacts.Email, owner.Contacts.TeamsWebhook));

            File.WriteAllText(path, "{ \"teams\": ");
            var broken = Assert.Throws<OwnerSettingsException>(() => OwnerDirectory.Create(new OwnersOptions { File = path }));
            Assert.StartsWith("FinOps:Owners:File '", broken.Errors.Single(), StringComparison.Ordinal);
            Assert.Contains("is not valid JSON", broken.Errors.Single(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }

        var missing = Assert.Throws<OwnerSettingsException>(() => OwnerDirectory.Create(new OwnersOptions { File = path }));
        Assert.Contains("FinOps:Owners:File", missing.Errors.Single(), StringComparison.Ordinal);
        Assert.Contains("no such file", missing.Errors.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_up_validation_fails_on_a_bad_setting_naming_it()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FinOps:Owners:Teams:ops:SlackWebhook"] = "ftp://x",
        }).Build();
        using var provider = new ServiceCollection().AddFinOpsOwners(configuration).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<OwnersOptions>>().Value);
        Assert.Contains("FinOps:Owners:Teams:ops:SlackWebhook", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a@example.com", true)]
    [InlineData("A B <a@example.com>", false)]
    [InlineData("a@example.com,b@example.com", false)]
    [InlineData("a@localhost", false)]
    [InlineData("", false)]
    public void Email_check(string text, bool expected) => Assert.Equal(expected, ContactAddress.IsEmail(text));
}
