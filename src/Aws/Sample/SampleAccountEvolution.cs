using System.Collections.Immutable;
using FinOps.Domain.Resources;

namespace FinOps.Aws.Sample;

/// <summary>
/// How the sample account changes from one simulated day to the next, when <see cref="SampleAccountOptions.DailyTagChangePercent"/>
/// is above 0. Day 0 is the generated account, unchanged. Each later day starts from the day before and, for each
/// resource, draws whether it is touched (the configured per cent of them): a touched resource whose core tags
/// (CostCenter, Owner, Environment, Application) are missing or wrong gets one of them fixed three times in four and
/// slips further otherwise; a touched clean resource slips one time in four (loses a core tag or gets a wrong value)
/// and is left alone otherwise. About a twentieth as many resources as are touched are removed, and about as many added (created on the day).
/// Every draw comes from a stream of (seed, day, listing), so day N is the same on every run and every machine.
/// Not thread-safe: <see cref="SampleAccount"/> serialises the advances.
/// </summary>
internal sealed class SampleAccountEvolution
{
    private const int EvolutionStream = 2_000_001;

    private static readonly string[] CoreKeys =
    [
        SampleTagVocabulary.CostCenterKey, SampleTagVocabulary.OwnerKey,
        SampleTagVocabulary.EnvironmentKey, SampleTagVocabulary.ApplicationKey,
    ];

    /// <summary>Listings that never gain or lose resources: every region keeps its default VPC and security group.</summary>
    private static readonly HashSet<string> FixedMembership = new(StringComparer.Ordinal) { "ec2:vpc", "ec2:security-group" };

    private readonly SampleAccountGenerator _generator;
    private readonly SampleAccountData _day0;
    private readonly int _seed;
    private readonly int _percent;
    private readonly SortedDictionary<(string Region, string Type), (List<CloudResource> Resources, List<byte> Workloads)> _listings;
    private readonly Dictionary<string, (long Cents, int Line)> _costs = new(StringComparer.Ordinal);

    public SampleAccountEvolution(SampleAccountGenerator generator, SampleAccountData day0, int seed, int percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, SampleAccountOptions.MaxDailyTagChangePercent);
        _generator = generator;
        _day0 = day0;
        _seed = seed;
        _percent = percent;
        Current = day0;
        _listings = new(Comparer<(string Region, string Type)>.Create(static (a, b) =>
        {
            var byRegion = string.CompareOrdinal(a.Region, b.Region);
            return byRegion != 0 ? byRegion : string.CompareOrdinal(a.Type, b.Type);
        }));
        foreach (var ((region, type), resources) in day0.Listings)
        {
            var workloads = new List<byte>(resources.Length);
            for (var i = 0; i < resources.Length; i++)
            {
                workloads.Add(day0.WorkloadIndexOf(region, type, i));
            }

            _listings.Add((region, type), ([.. resources], workloads));
        }

        for (var i = 0; i < day0.Costed.Length; i++)
        {
            _costs.Add(day0.Costed[i].Arn, (day0.MonthlyCents[i], day0.LineOf[i]));
        }
    }

    /// <summary>The simulated day <see cref="Current"/> shows (0: as generated).</summary>
    public int Day { get; private set; }

    /// <summary>The account as of <see cref="Day"/>.</summary>
    public SampleAccountData Current { get; private set; }

    /// <summary>What the last advance changed.</summary>
    public SampleDayChanges LastChanges { get; private set; } = SampleDayChanges.None;

    /// <summary>Moves the account forward to <paramref name="day"/> (never back), one day at a time.</summary>
    public SampleAccountData AdvanceTo(int day)
    {
        if (Day < day)
        {
            // The days in between change the listings; only the last one's account is built.
            while (Day < day)
            {
                Step();
            }

            Current = Materialise();
        }

        return Current;
    }

    /// <summary>Applies one simulated day of change and returns the account as of the new day.</summary>
    public SampleAccountData Advance()
    {
        Step();
        Current = Materialise();
        return Current;
    }

    /// <summary>One simulated day of change to the listings (<see cref="Current"/> is built by the caller).</summary>
    private void Step()
    {
        var day = Day + 1;
        int fixes = 0, slips = 0, added = 0, removed = 0, resources = 0;
        foreach (var ((region, type), (list, workloads)) in _listings)
        {
            var rng = SampleRandom.For(_seed, EvolutionStream, day, StableHash(region), StableHash(type));
            var mayChangeMembership = !FixedMembership.Contains(type) && region != ResourceCatalogue.GlobalRegion;
            var before = list.Count;
            resources += before;
            var adds = 0;
            for (var i = list.Count - 1; i >= 0; i--)
            {
                if (mayChangeMembership)
                {
                    // Removal and addition draws are one per resource, each a twentieth of the touch rate.
                    if (rng.Next(2000) < _percent)
                    {
                        _costs.Remove(list[i].Arn);
                        list.RemoveAt(i);
                        workloads.RemoveAt(i);
                        removed++;
                        continue;
                    }

                    if (rng.Next(2000) < _percent)
                    {
                        adds++;
                    }
                }

                if (!rng.Percent(_percent))
                {
                    continue;
                }

                var workload = _generator.Workload(workloads[i]);
                var flawed = IsFlawed(list[i].Tags, workload);
                if (flawed && rng.Next(4) < 3)
                {
                    list[i] = list[i] with { Tags = Fix(list[i].Tags, workload) };
                    fixes++;
                }
                else if (flawed || rng.Next(4) == 0)
                {
                    list[i] = list[i] with { Tags = Slip(list[i].Tags, workload, rng) };
                    slips++;
                }
            }

            for (var k = 0; k < adds; k++)
            {
                var (resource, workload, cents, line) = _generator.CreateLater(region, type, before + k, rng);
                resource = resource with { CreatedAt = SampleAccountGenerator.Anchor.AddDays(day).AddSeconds(rng.Between(0, 86_399)) };
                list.Add(resource);
                workloads.Add(workload);
                if (cents is { } monthly)
                {
                    _costs[resource.Arn] = (monthly, line);
                }

                added++;
            }

        }

        Day = day;
        LastChanges = new SampleDayChanges(day, resources, fixes, slips, added, removed);
    }

    /// <summary>Whether a resource lacks a core tag or carries a value other than its workload's.</summary>
    internal static bool IsFlawed(ImmutableArray<Tag> tags, SampleWorkload workload)
    {
        foreach (var key in CoreKeys)
        {
            if (!string.Equals(ValueOf(tags, key), Intended(workload, key), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<Tag> Fix(ImmutableArray<Tag> tags, SampleWorkload workload)
    {
        foreach (var key in CoreKeys)
        {
            var intended = Intended(workload, key);
            if (string.Equals(ValueOf(tags, key), intended, StringComparison.Ordinal))
            {
                continue;
            }

            // The fix also drops the key's misspellings (costcenter, ENVIRONMENT …), as whoever fixed it would.
            var builder = tags.ToBuilder();
            builder.RemoveAll(t => string.Equals(t.Key, key, StringComparison.OrdinalIgnoreCase));
            builder.Add(new Tag(key, intended));
            return builder.ToImmutable();
        }

        return tags;
    }

    private static ImmutableArray<Tag> Slip(ImmutableArray<Tag> tags, SampleWorkload workload, SampleRandom rng)
    {
        var key = CoreKeys[rng.Next(CoreKeys.Length)];
        var at = tags.IndexOf(tags.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.Ordinal)));
        if (at >= 0 && rng.Next(2) == 0)
        {
            return tags.RemoveAt(at); // the tag is lost
        }

        // A wrong value, from the mistakes people make with this key (never the intended value, never the one it has).
        var current = at >= 0 ? tags[at].Value : null;
        var wrong = SampleTagVocabulary.Mistakes
            .Where(m => m.Kind == TagMistakeKind.ReplaceValue && m.Key == key)
            .SelectMany(m => m.Replacements)
            .Where(v => !string.Equals(v, Intended(workload, key), StringComparison.Ordinal) && !string.Equals(v, current, StringComparison.Ordinal))
            .ToArray();
        var value = wrong[rng.Next(wrong.Length)];
        return at >= 0 ? tags.SetItem(at, new Tag(key, value)) : tags.Add(new Tag(key, value));
    }

    private static string? ValueOf(ImmutableArray<Tag> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (string.Equals(tag.Key, key, StringComparison.Ordinal))
            {
                return tag.Value;
            }
        }

        return null;
    }

    private static string Intended(SampleWorkload workload, string key) => key switch
    {
        SampleTagVocabulary.CostCenterKey => workload.CostCenter,
        SampleTagVocabulary.OwnerKey => workload.Owner,
        SampleTagVocabulary.EnvironmentKey => workload.Environment,
        _ => workload.Application,
    };

    /// <summary>A hash of a string that is the same on every run (string.GetHashCode is randomised per process).</summary>
    private static long StableHash(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 0x100000001B3UL;
        }

        return unchecked((long)hash);
    }

    private SampleAccountData Materialise()
    {
        var listings = new Dictionary<(string Region, string Type), CloudResource[]>();
        var workloadOf = new Dictionary<(string Region, string Type), byte[]>();
        var costed = new List<CloudResource>(_costs.Count);
        var cents = new List<long>(_costs.Count);
        var lineOf = new List<int>(_costs.Count);
        foreach (var (key, (list, workloads)) in _listings)
        {
            if (list.Count == 0)
            {
                continue;
            }

            listings[key] = [.. list];
            workloadOf[key] = [.. workloads];
            foreach (var resource in list)
            {
                if (_costs.TryGetValue(resource.Arn, out var cost))
                {
                    costed.Add(resource);
                    cents.Add(cost.Cents);
                    lineOf.Add(cost.Line);
                }
            }
        }

        return new SampleAccountData(listings, [.. costed], [.. cents], [.. lineOf], _generator.CurrentLineKeys(),
            _day0.OtherMonthlyLines, _day0.Workloads, workloadOf);
    }
}

/// <summary>What one simulated day changed in the sample account.</summary>
/// <param name="Day">The day reached.</param>
/// <param name="Resources">How many resources the account held before the day's changes.</param>
/// <param name="Fixed">Resources that had one missing or wrong core tag fixed.</param>
/// <param name="Slipped">Resources that lost a core tag or got a wrong value.</param>
/// <param name="Added">Resources added.</param>
/// <param name="Removed">Resources removed.</param>
internal sealed record SampleDayChanges(int Day, int Resources, int Fixed, int Slipped, int Added, int Removed)
{
    public static SampleDayChanges None { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Resources whose tags changed, or that came or went.</summary>
    public int Changed => Fixed + Slipped + Added + Removed;
}
