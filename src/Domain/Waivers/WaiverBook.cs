using System.Collections.Immutable;
using FinOps.Domain.Resources;

namespace FinOps.Domain.Waivers;

/// <summary>
/// The waivers in force at one instant (approved, unexpired), indexed for matching. A view built with a book holds until
/// the waivers change (<see cref="Version"/>) or the first of them expires (<see cref="ValidUntil"/>), whichever is first.
/// </summary>
public sealed class WaiverBook
{
    private readonly Dictionary<string, List<Waiver>> _byArn;
    private readonly ImmutableArray<Waiver> _patterns;

    private WaiverBook(long version, DateTimeOffset builtAt, IReadOnlyCollection<Waiver> active)
    {
        Version = version;
        BuiltAt = builtAt;
        Active = [.. active];
        _byArn = new Dictionary<string, List<Waiver>>(StringComparer.Ordinal);
        var patterns = ImmutableArray.CreateBuilder<Waiver>();
        foreach (var w in active)
        {
            if (w.Scope.Arn is { } arn)
            {
                if (!_byArn.TryGetValue(arn, out var list))
                {
                    _byArn[arn] = list = [];
                }

                list.Add(w);
            }
            else
            {
                patterns.Add(w);
            }
        }

        _patterns = patterns.ToImmutable();
        ValidUntil = active.Count == 0 ? DateTimeOffset.MaxValue : active.Min(w => w.ExpiresAt);
    }

    /// <summary>A book that waives nothing (no waivers, or none approved).</summary>
    public static WaiverBook Empty { get; } = new(0, DateTimeOffset.MinValue, []);

    /// <summary>The version of the waiver list the book was built from (changes with every request or decision).</summary>
    public long Version { get; }

    /// <summary>The instant the book describes.</summary>
    public DateTimeOffset BuiltAt { get; }

    /// <summary>The first expiry of an active waiver: from this instant on the book is out of date.</summary>
    public DateTimeOffset ValidUntil { get; }

    /// <summary>The waivers in force.</summary>
    public ImmutableArray<Waiver> Active { get; }

    /// <summary>Whether the book waives nothing.</summary>
    public bool IsEmpty => Active.IsEmpty;

    /// <summary>Builds the book of <paramref name="waivers"/> in force at <paramref name="now"/>.</summary>
    public static WaiverBook At(IEnumerable<Waiver> waivers, long version, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(waivers);
        return new WaiverBook(version, now, [.. waivers.Where(w => w.IsActiveAt(now))]);
    }

    /// <summary>Whether the book still describes <paramref name="now"/> for waiver list <paramref name="version"/>.</summary>
    public bool Describes(long version, DateTimeOffset now) => version == Version && now >= BuiltAt && now < ValidUntil;

    /// <summary>
    /// Until when a violation of <paramref name="tagKey"/> on <paramref name="resource"/> is waived (the latest expiry of
    /// the matching waivers), or null when no waiver in force covers it.
    /// </summary>
    public DateTimeOffset? WaivedUntil(CloudResource resource, string tagKey)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (Active.IsEmpty)
        {
            return null;
        }

        DateTimeOffset? until = null;
        if (_byArn.TryGetValue(resource.Arn, out var exact))
        {
            foreach (var w in exact)
            {
                if (w.CoversKey(tagKey) && (until is null || w.ExpiresAt > until))
                {
                    until = w.ExpiresAt;
                }
            }
        }

        foreach (var w in _patterns)
        {
            if (w.CoversKey(tagKey) && (until is null || w.ExpiresAt > until) && w.Scope.Covers(resource))
            {
                until = w.ExpiresAt;
            }
        }

        return until;
    }
}
