using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FinOps.Web.Components.Controls;

/// <summary>
/// The waiver request form: tag key (one of the selected violations' keys, or every key), reason and expiry date. It
/// only collects the answer; the caller sends it through the waiver desk, which checks and audits it.
/// </summary>
public sealed partial class WaiverRequestDialog
{
    /// <summary>The key value meaning every key.</summary>
    public const string AllKeys = "*";

    private string _key = AllKeys;
    private string? _reason;
    private DateTime? _expires;
    private string? _error;

    [CascadingParameter]
    public required IMudDialogInstance Dialog { get; set; }

    /// <summary>The resources to waive.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<string> Arns { get; set; }

    /// <summary>The tag keys of the selected violations.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<string> Keys { get; set; }

    /// <summary>Longest a waiver may run (FinOps:Waivers:MaxDays).</summary>
    [Parameter]
    public int MaxDays { get; set; } = 180;

    /// <summary>Today (UTC) by the app's clock.</summary>
    [Parameter]
    public DateTime Today { get; set; } = DateTime.UtcNow.Date;

    private DateTime Tomorrow => Today.AddDays(1);

    private DateTime Latest => Today.AddDays(MaxDays);

    protected override void OnInitialized()
    {
        _key = Keys.Count == 1 ? Keys[0] : AllKeys;
        _expires = Today.AddDays(Math.Min(90, MaxDays));
    }

    private void Cancel() => Dialog.Cancel();

    private void Submit()
    {
        if (string.IsNullOrWhiteSpace(_reason))
        {
            _error = "Give a reason.";
            return;
        }

        if (_expires is not { } expires)
        {
            _error = "Pick an expiry date.";
            return;
        }

        Dialog.Close(DialogResult.Ok(new WaiverDialogAnswer(_key, _reason.Trim(), new DateTimeOffset(DateTime.SpecifyKind(expires.Date, DateTimeKind.Utc)))));
    }
}

/// <summary>What the waiver request form collected.</summary>
public sealed record WaiverDialogAnswer(string TagKey, string Reason, DateTimeOffset ExpiresAt);
