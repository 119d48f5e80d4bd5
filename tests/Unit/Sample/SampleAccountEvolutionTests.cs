using System.ComponentModel.DataAnnotations;
using FinOps.Aws;
using FinOps.Aws.Sample;
using FinOps.Domain.Resources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace FinOps.Tests.Unit.Sample;

public class SampleAccountEvolutionTests(ITestOutputHelper output)
{
    private const int Size = 3_000;

    private static SampleAccount Evolving(int percent, int seed = 42, int size = Size)
    {
        var options = SampleInventory.Quiet(seed, size);
        options.DailyTagChangePercent = percent;
        return new SampleAccount(options, TimeProvider.System);
    }

    private static Dictionary<string, CloudResource> ByArn(SampleAccountData data) =>
        data.Listings.SelectMany(l => l.Value).ToDictionary(r => r.Arn, StringComparer.Ordinal);

    private static string Fingerprint(SampleAccountData data) => string.Join("\n", data.Listings
        .OrderBy(l => l.Key.Region, StringComparer.Ordinal).ThenBy(l => l.Key.Type, StringComparer.Ordinal)
        .SelectMany(l => l.Value)
        .Select(r => r.Arn + "|" + string.Join(",", r.Tags.Select(t => t.Key + "=" + t.Value))))
        + "\n" + string.Join(",", data.MonthlyCents);

    [Fact]
    public async Task Day_0_of_an_evolving_account_is_the_account_generated_today()
    {
        var today = SampleAccountGenerator.Generate(42, Size);
        var evolving = Evolving(5);

        var day0 = await evolving.AdvanceToAsync(0, CancellationToken.None);

        Assert.Equal(0, evolving.Day);
        Assert.Equal(Fingerprint(today), Fingerprint(day0));
    }

    [Fact]
    public async Task First_scan_sees_day_0_and_every_later_scan_the_next_day()
    {
        var account = Evolving(5);
        var today = Fingerprint(SampleAccountGenerator.Generate(42, Size));

        await account.BeginScanAsync(CancellationToken.None);
        Assert.Equal(0, account.Day);
        Assert.Equal(today, Fingerprint(await account.GetDataAsync(CancellationToken.None)));

        await account.BeginScanAsync(CancellationToken.None);
        await account.BeginScanAsync(CancellationToken.None);
        Assert.Equal(2, account.Day);
        Assert.NotEqual(today, Fingerprint(await account.GetDataAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task A_restarted_account_goes_on_from_the_day_it_had_reached()
    {
        var dayFile = Path.Combine(Path.GetTempPath(), "finops-sample-day-" + Guid.NewGuid().ToString("N")[..8], "sample-day.txt");
        try
        {
            var options = SampleInventory.Quiet(42, Size);
            options.DailyTagChangePercent = 5;
            var first = new SampleAccount(options, TimeProvider.System, dayFile);
            for (var scan = 0; scan < 3; scan++)
            {
                await first.BeginScanAsync(CancellationToken.None);
            }

            var restarted = new SampleAccount(options, TimeProvider.System, dayFile);
            await restarted.BeginScanAsync(CancellationToken.None);

            Assert.Equal(2, first.Day);
            Assert.Equal(3, restarted.Day);
            var continuous = Evolving(5);
            for (var scan = 0; scan < 4; scan++)
            {
                await continuous.BeginScanAsync(CancellationToken.None);
            }

            Assert.Equal(Fingerprint(await continuous.GetDataAsync(CancellationToken.None)),
                Fingerprint(await restarted.GetDataAsync(CancellationToken.None)));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(dayFile)!, recursive: true);
        }
    }

    [Fact]
    public async Task With_the_default_of_0_scans_never_change_the_account()
    {
        var account = SampleInventory.Account(size: Size);
        var before = Fingerprint(await account.GetDataAsync(CancellationToken.None));

        for (var scan = 0; scan < 3; scan++)
        {
            await account.BeginScanAsync(CancellationToken.None);
        }

        Assert.Equal(0, account.Day);
        Assert.Equal(before, Fingerprint(await account.GetDataAsync(CancellationToken.None)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(20)]
    public void Each_day_changes_about_the_configured_share_and_never_more(int percent)
    {
        var (generator, day0) = SampleAccountGenerator.GenerateEvolving(42, Size);
        var evolution = new SampleAccountEvolution(generator, day0, 42, percent);

        for (var day = 1; day <= 10; day++)
        {
            var before = ByArn(evolution.Current);
            var after = ByArn(evolution.Advance());
            var changes = evolution.LastChanges;

            // Measured against the data itself, not only the evolution's own counters.
            var retagged = after.Count(a => before.TryGetValue(a.Key, out var b) && !b.Tags.SequenceEqual(a.Value.Tags));
            var added = after.Keys.Count(k => !before.ContainsKey(k));
            var removed = before.Keys.Count(k => !after.ContainsKey(k));
            Assert.Equal(changes.Fixed + changes.Slipped, retagged);
            Assert.Equal(changes.Added, added);
            Assert.Equal(changes.Removed, removed);

            // Touched: the configured share, give or take sampling noise; membership: a twentieth of it.
            var share = 100.0 * retagged / before.Count;
            Assert.InRange(share, 0, percent);
            Assert.True(retagged > 0, $"day {day}: nothing changed at {percent}%");
            Assert.InRange(added + removed, 0, Math.Max(10, before.Count * percent / 400));
            Assert.Equal(day, changes.Day);
            output.WriteLine($"{percent}% day {day}: {before.Count} resources, {changes.Fixed} fixed, {changes.Slipped} slipped, {added} added, {removed} removed ({share:0.00}% retagged)");
        }
    }

    [Fact]
    public void The_same_seed_and_day_give_the_same_account_and_another_seed_another()
    {
        string DayFive(int seed)
        {
            var (generator, day0) = SampleAccountGenerator.GenerateEvolving(seed, Size);
            return Fingerprint(new SampleAccountEvolution(generator, day0, seed, 5).AdvanceTo(5));
        }

        Assert.Equal(DayFive(42), DayFive(42));
        Assert.NotEqual(DayFive(42), DayFive(7));
    }

    [Fact]
    public void Changes_go_both_ways_fixes_and_slips_additions_and_removals()
    {
        var (generator, day0) = SampleAccountGenerator.GenerateEvolving(42, Size);
        var evolution = new SampleAccountEvolution(generator, day0, 42, 5);
        int fixes = 0, slips = 0, added = 0, removed = 0;
        for (var day = 1; day <= 10; day++)
        {
            evolution.Advance();
            fixes += evolution.LastChanges.Fixed;
            slips += evolution.LastChanges.Slipped;
            added += evolution.LastChanges.Added;
            removed += evolution.LastChanges.Removed;
        }

        Assert.True(fixes > 0 && slips > 0 && added > 0 && removed > 0, $"fixes {fixes}, slips {slips}, added {added}, removed {removed}");

        // Every resource, added ones included, keeps a distinct ARN and a known intended tagging.
        var truth = new SampleTagTruth(evolution.Current);
        Assert.Equal(evolution.Current.ResourceCount, truth.Count);
    }

    [Fact]
    public void Costs_follow_the_resources_added_and_removed()
    {
        var (generator, day0) = SampleAccountGenerator.GenerateEvolving(42, Size);
        var evolution = new SampleAccountEvolution(generator, day0, 42, 20);
        var data = evolution.AdvanceTo(5);

        var listed = ByArn(data);
        Assert.All(data.Costed, r => Assert.True(listed.ContainsKey(r.Arn)));
        Assert.Equal(data.Costed.Length, data.MonthlyCents.Length);
        Assert.Equal(data.Costed.Length, data.CostIndexByArn.Count);
        Assert.All(data.LineOf, line => Assert.InRange(line, 0, data.LineKeys.Length - 1));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(21)]
    public void A_change_rate_outside_0_to_20_is_refused_naming_the_setting_and_the_range(int percent)
    {
        var options = SampleInventory.Quiet();
        options.DailyTagChangePercent = percent;

        var error = Assert.Throws<ValidationException>(() => new SampleAccount(options, TimeProvider.System));

        Assert.Contains("FinOps:Sample:DailyTagChangePercent", error.Message, StringComparison.Ordinal);
        Assert.Contains("between 0 and 20", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_setting_is_validated_at_start_up_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["FinOps:Sample:DailyTagChangePercent"] = "50" })
            .Build();
        using var provider = new ServiceCollection().AddSampleAccount(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SampleAccountOptions>>().Value);

        Assert.Contains("FinOps:Sample:DailyTagChangePercent must be between 0 and 20", error.Message, StringComparison.Ordinal);
    }
}
