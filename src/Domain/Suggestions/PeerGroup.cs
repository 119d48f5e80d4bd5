namespace FinOps.Domain.Suggestions;

/// <summary>
/// The resources that resemble the one a tag is suggested for in one way (same VPC, same stack, …), counted by the
/// accepted value they carry for the tag, and how much that kind of resemblance is worth in this scan
/// (<see cref="KindFollowChance"/>, measured by <see cref="Cohesion"/> over every group of the kind).
/// </summary>
internal sealed class PeerGroup(PeerGroupKind kind, string description, int rank)
{
    /// <summary>However closely a group agrees, one resource in twenty may be the exception.</summary>
    private const double MaxFollowChance = 0.95;

    /// <summary>How many members' worth the kind's measured cohesion weighs against the group's own agreement.</summary>
    private const double KindWeight = 4;

    // While the scan is read, counts by value id (see PeerEvidence); afterwards by value.
    private int[] _countsById = new int[8];
    private Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public PeerGroupKind Kind { get; } = kind;

    /// <summary>Who they are, for a reason: "in the same VPC vpc-1", "named 'web-prod…'".</summary>
    public string Description { get; } = description;

    /// <summary>Among equally telling groups the lower rank (the more specific resemblance) is preferred.</summary>
    public int Rank { get; } = rank;

    /// <summary>How many of them carry an accepted value.</summary>
    public int Total { get; private set; }

    /// <summary>The values they carry.</summary>
    public IEnumerable<string> Values => _counts.Keys;

    /// <summary>Every group of this kind across the scan (not only this resource's), for <see cref="KindFollowChance"/>.</summary>
    public GroupCohesion Cohesion { get; } = new();

    /// <summary>The measured chance that a resource carries its group's value, for groups of this kind and this tag.</summary>
    public double KindFollowChance { get; private set; }

    /// <summary>Counts a member carrying the value with id <paramref name="valueId"/>.</summary>
    public void Add(int valueId)
    {
        if (valueId >= _countsById.Length)
        {
            Array.Resize(ref _countsById, Math.Max(valueId + 1, _countsById.Length * 2));
        }

        _countsById[valueId]++;
        Total++;
    }

    /// <summary>
    /// Ends the reading of the scan: turns value ids into <paramref name="values"/> and sets
    /// <see cref="KindFollowChance"/> from the cohesion measured, given how often two values agree by chance.
    /// </summary>
    public void Complete(IReadOnlyList<string> values, double chanceAgreement)
    {
        _counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var id = 0; id < _countsById.Length && id < values.Count; id++)
        {
            if (_countsById[id] > 0)
            {
                _counts[values[id]] = _countsById[id];
            }
        }

        _countsById = [];
        KindFollowChance = Cohesion.FollowChance(chanceAgreement);
    }

    public int CountOf(string value) => _counts.GetValueOrDefault(value);

    /// <summary>
    /// The chance that a member carries the group's value rather than one at the scan's odds: what the group's own
    /// members show (the share of its commonest value, beyond that value's share in the scan), weighed with the
    /// kind's measured cohesion as if that were <see cref="KindWeight"/> more members. A group of one leans on its
    /// kind; a large group whose members disagree (every log group named "/aws/…") is worth little however tight
    /// its kind is elsewhere.
    /// </summary>
    public double FollowChance(IReadOnlyDictionary<string, double> prior)
    {
        var own = 0.0;
        if (Total > 0)
        {
            var (commonest, count) = _counts.MaxBy(c => c.Value);
            var baseline = prior[commonest];
            own = baseline >= 1 ? 0 : Math.Max(0, ((double)count / Total - baseline) / (1 - baseline));
        }

        return Math.Min(MaxFollowChance, (Total * own + KindWeight * KindFollowChance) / (Total + KindWeight));
    }

    /// <summary>
    /// The chance of each candidate value for the resource, judging by this group alone. The group has one value
    /// its members follow with chance ρ (<see cref="FollowChance"/>), otherwise carrying a value at the scan's odds
    /// (<paramref name="prior"/>). Which value that is follows from the members' votes by Bayes' rule; the resource
    /// then follows it with chance ρ too. So a few members of a tight kind of group say much, many of a loose kind little.
    /// </summary>
    public Dictionary<string, double> Predict(IReadOnlyDictionary<string, double> prior)
    {
        var rho = FollowChance(prior);
        var logPosterior = new Dictionary<string, double>(prior.Count, StringComparer.Ordinal);
        foreach (var (candidate, chance) in prior)
        {
            var log = Math.Log(chance);
            foreach (var (value, count) in _counts)
            {
                log += count * Math.Log((value == candidate ? rho : 0) + (1 - rho) * prior[value]);
            }

            logPosterior[candidate] = log;
        }

        var top = logPosterior.Values.Max();
        var sum = logPosterior.Values.Sum(l => Math.Exp(l - top));
        return prior.ToDictionary(p => p.Key, p => rho * Math.Exp(logPosterior[p.Key] - top) / sum + (1 - rho) * p.Value, StringComparer.Ordinal);
    }
}
