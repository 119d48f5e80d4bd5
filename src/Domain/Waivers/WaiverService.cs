using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace FinOps.Domain.Waivers;

/// <summary>
/// Requests, decides and lists waivers, with the rules: an expiry in the future and at most
/// <see cref="WaiverOptions.MaxDays"/> away; the requester never approves their own waiver unless
/// <see cref="WaiverOptions.AllowSelfApproval"/>; only pending waivers are approved or rejected; only approved,
/// unexpired ones are revoked. Keeps the list in memory (read once from <see cref="IWaiverStore"/>) so views never wait.
/// </summary>
public sealed class WaiverService : IWaiverBookSource, IDisposable
{
    /// <summary>Longest reason accepted.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>Longest name of a requester or approver kept (longer names are cut).</summary>
    public const int MaxActorLength = 256;

    /// <summary>Longest tag key accepted.</summary>
    public const int MaxTagKeyLength = 128;

    private readonly IWaiverStore _store;
    private readonly TimeProvider _time;
    private readonly WaiverOptions _options;
    private readonly SemaphoreSlim _writes = new(1, 1);
    private Snapshot _snapshot = new([], 0);
    private WaiverBook _book = WaiverBook.Empty;
    private Task? _loading;

    public WaiverService(IWaiverStore store, IOptions<WaiverOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _time = time;
        _options = options.Value;
    }

    /// <inheritdoc />
    public event Action? Changed;

    /// <summary>The settings in force.</summary>
    public WaiverOptions Options => _options;

    /// <summary>Whether the waivers were read from the store.</summary>
    public bool IsLoaded => _loading is { IsCompletedSuccessfully: true };

    /// <inheritdoc />
    public Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        var loading = Volatile.Read(ref _loading);
        if (loading is null || loading.IsFaulted || loading.IsCanceled)
        {
            var started = LoadAsync();
            loading = Interlocked.CompareExchange(ref _loading, started, loading) == loading ? started : _loading!;
        }

        return loading.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public WaiverBook BookAt(DateTimeOffset now)
    {
        var book = Volatile.Read(ref _book);
        var snapshot = Volatile.Read(ref _snapshot);
        var version = snapshot.Version;
        if (book.Describes(version, now))
        {
            return book;
        }

        var built = WaiverBook.At(snapshot.All, version, now);
        // Keep one book per (version, span) so views built with it are shared; a late caller never replaces a newer one.
        var current = Interlocked.CompareExchange(ref _book, built, book);
        return ReferenceEquals(current, book) ? built : current.Describes(version, now) ? current : built;
    }

    /// <summary>Every waiver with its status at the clock's now, newest request first; optionally only one status.</summary>
    public ImmutableArray<WaiverListing> List(WaiverStatus? status = null)
    {
        var now = _time.GetUtcNow();
        return [.. Volatile.Read(ref _snapshot).All
            .Select(w => new WaiverListing(w, w.StatusAt(now)))
            .Where(l => status is null || l.Status == status)
            .OrderByDescending(l => l.Waiver.RequestedAt).ThenBy(l => l.Waiver.Id, StringComparer.Ordinal)];
    }

    /// <summary>One waiver by id, or null.</summary>
    public Waiver? Find(string? id) =>
        id is null ? null : Volatile.Read(ref _snapshot).All.FirstOrDefault(w => string.Equals(w.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Records a pending waiver, or refuses with what is accepted.</summary>
    public async Task<WaiverActionResult> RequestAsync(WaiverRequest request, string requestedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        if (string.IsNullOrWhiteSpace(requestedBy))
        {
            return WaiverActionResult.Refused("A waiver needs a signed-in requester.");
        }

        var scope = WaiverScope.TryCreate(request.Arn, request.ResourceType, request.Region, request.NamePattern, request.TagPattern, out var scopeError);
        if (scope is null)
        {
            return WaiverActionResult.Refused($"The waiver's scope is not valid: {scopeError}.");
        }

        var key = string.IsNullOrWhiteSpace(request.TagKey) || request.TagKey.Trim() == "*" ? null : request.TagKey.Trim();
        if (key is not null && (key.Length > MaxTagKeyLength || key.Any(char.IsControl)))
        {
            return WaiverActionResult.Refused($"The tag key must be at most {MaxTagKeyLength} characters without control characters, or '*' for every key.");
        }

        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength || reason.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            return WaiverActionResult.Refused($"A waiver needs a reason of 1 to {MaxReasonLength} characters.");
        }

        var expires = request.ExpiresAt.ToUniversalTime();
        var latest = now.AddDays(_options.MaxDays);
        if (expires <= now)
        {
            return WaiverActionResult.Refused("The expiry must be in the future.");
        }

        if (expires > latest)
        {
            return WaiverActionResult.Refused(string.Create(CultureInfo.InvariantCulture,
                $"The expiry must be at most {_options.MaxDays} days away (on or before {latest:yyyy-MM-dd HH:mm} UTC)."));
        }

        var waiver = new Waiver(Guid.NewGuid().ToString("N"), scope, key, reason, Actor(requestedBy), now, expires, WaiverStatus.Pending);
        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _store.AddAsync(waiver, cancellationToken).ConfigureAwait(false);
            Publish(Volatile.Read(ref _snapshot).All.Add(waiver), changesBook: false);
        }
        finally
        {
            _writes.Release();
        }

        Changed?.Invoke();
        return WaiverActionResult.Done(waiver);
    }

    /// <summary>Approves a pending waiver.</summary>
    public Task<WaiverActionResult> ApproveAsync(string id, string approver, CancellationToken cancellationToken) =>
        DecideAsync(id, approver, WaiverStatus.Approved, cancellationToken);

    /// <summary>Rejects a pending waiver.</summary>
    public Task<WaiverActionResult> RejectAsync(string id, string approver, CancellationToken cancellationToken) =>
        DecideAsync(id, approver, WaiverStatus.Rejected, cancellationToken);

    /// <summary>Revokes an approved, unexpired waiver: its violations count again at once.</summary>
    public Task<WaiverActionResult> RevokeAsync(string id, string approver, CancellationToken cancellationToken) =>
        DecideAsync(id, approver, WaiverStatus.Revoked, cancellationToken);

    private async Task<WaiverActionResult> DecideAsync(string id, string actor, WaiverStatus to, CancellationToken cancellationToken)
    {
        await EnsureLoadedAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(actor))
        {
            return WaiverActionResult.Refused("A decision needs a signed-in approver.");
        }

        await _writes.WaitAsync(cancellationToken).ConfigureAwait(false);
        Waiver decided;
        try
        {
            var now = _time.GetUtcNow();
            var waiver = Find(id);
            if (waiver is null)
            {
                return WaiverActionResult.Refused($"No waiver has the id '{Shown(id)}'.");
            }

            var status = waiver.StatusAt(now);
            var verb = to switch { WaiverStatus.Approved => "approved", WaiverStatus.Rejected => "rejected", _ => "revoked" };
            if (to is WaiverStatus.Approved or WaiverStatus.Rejected && status != WaiverStatus.Pending)
            {
                return WaiverActionResult.Refused($"Only a pending waiver can be {verb}; this one is {Name(status)}.", waiver);
            }

            if (to == WaiverStatus.Revoked && status != WaiverStatus.Approved)
            {
                return WaiverActionResult.Refused($"Only an approved, unexpired waiver can be revoked; this one is {Name(status)}.", waiver);
            }

            if (to == WaiverStatus.Approved && !_options.AllowSelfApproval
                && string.Equals(waiver.RequestedBy, actor.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return WaiverActionResult.Refused($"'{waiver.RequestedBy}' requested this waiver and cannot approve it too; another approver must " +
                    $"(or set {WaiverOptions.Section}:AllowSelfApproval=true).", waiver);
            }

            if (to == WaiverStatus.Approved && waiver.ExpiresAt <= now)
            {
                return WaiverActionResult.Refused("This waiver's expiry has passed; request a new one.", waiver);
            }

            decided = waiver with { StoredStatus = to, DecidedBy = Actor(actor), DecidedAt = now };
            await _store.UpdateAsync(decided, cancellationToken).ConfigureAwait(false);
            Publish(Volatile.Read(ref _snapshot).All.Replace(waiver, decided), changesBook: to != WaiverStatus.Rejected);
        }
        finally
        {
            _writes.Release();
        }

        Changed?.Invoke();
        return WaiverActionResult.Done(decided);
    }

    /// <summary>The status's lower-case name, as shown.</summary>
    public static string Name(WaiverStatus status) => status.ToString().ToLowerInvariant();

    /// <inheritdoc />
    public void Dispose() => _writes.Dispose();

    /// <summary>
    /// Swaps in a new list; the book's version moves only when the waivers in force may change (an approval, a
    /// revocation, a load), so a pending request or a rejection keeps every view.
    /// </summary>
    private void Publish(ImmutableArray<Waiver> all, bool changesBook)
    {
        var version = Volatile.Read(ref _snapshot).Version;
        Volatile.Write(ref _snapshot, new Snapshot(all, changesBook ? version + 1 : version));
    }

    /// <summary>The waiver list and its version, swapped as one.</summary>
    private sealed record Snapshot(ImmutableArray<Waiver> All, long Version);

    private async Task LoadAsync()
    {
        var loaded = await _store.ListAsync(CancellationToken.None).ConfigureAwait(false);
        await _writes.WaitAsync().ConfigureAwait(false);
        try
        {
            // Keep waivers requested while loading (none in practice: requests wait for the load).
            var known = loaded.Select(w => w.Id).ToHashSet(StringComparer.Ordinal);
            Publish([.. loaded, .. Volatile.Read(ref _snapshot).All.Where(w => !known.Contains(w.Id))], changesBook: true);
        }
        finally
        {
            _writes.Release();
        }

        Changed?.Invoke();
    }

    private static string Actor(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length > MaxActorLength ? trimmed[..MaxActorLength] : trimmed;
    }

    private static string Shown(string? id) => id is null ? "" : id.Length > 40 ? id[..40] + "…" : id;
}

/// <summary>A waiver with its status at the instant it was listed.</summary>
public sealed record WaiverListing(Waiver Waiver, WaiverStatus Status);
