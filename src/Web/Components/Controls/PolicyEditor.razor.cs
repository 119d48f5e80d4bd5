using System.Collections.Immutable;
using FinOps.Domain.Policy;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FinOps.Web.Components.Controls;

/// <summary>
/// The policy as editable JSON, validated as it is typed (debounced) with every problem listed inline (path, tag,
/// message) and, when valid, the changes against the policy in force. Saving is the page's job (<see cref="Save"/>).
/// </summary>
public sealed partial class PolicyEditor
{
    private MudTextField<string>? _field;
    private string _json = "";
    private TaggingPolicy? _loadedFrom;
    private TaggingPolicy? _proposed;
    private PolicyDiff? _diff;
    private ImmutableArray<PolicyValidationError> _errors = [];
    private bool _changed;

    /// <summary>The policy in force: the starting text and what changes are measured against.</summary>
    [Parameter, EditorRequired]
    public required TaggingPolicy Current { get; set; }

    /// <summary>Whether the visitor may change the policy (the page decides; e.g. an administrator role).</summary>
    [Parameter]
    public bool CanEdit { get; set; } = true;

    /// <summary>Whether a save is in progress (disables the editor).</summary>
    [Parameter]
    public bool Saving { get; set; }

    /// <summary>Asked to save a validated document.</summary>
    [Parameter, EditorRequired]
    public required EventCallback<string> Save { get; set; }

    /// <summary>How long typing must pause before the text is checked.</summary>
    [Parameter]
    public int DebounceMilliseconds { get; set; } = 400;

    private bool CanSave => CanEdit && !Saving && _changed && _proposed is not null && _errors.IsDefaultOrEmpty
        && _proposed.ContentHash != Current.ContentHash;

    protected override void OnParametersSet()
    {
        // A new policy in force (saved here or elsewhere) restarts the editor from it.
        if (!ReferenceEquals(_loadedFrom, Current))
        {
            _loadedFrom = Current;
            Load(TaggingPolicyJson.Serialize(Current), changed: false);
        }
    }

    private void OnJsonChanged(string? json) => Load(json ?? "", changed: true);

    private void Load(string json, bool changed)
    {
        _json = json;
        _changed = changed;
        var (policy, errors) = PolicyService.Validate(json);
        _errors = errors;
        _proposed = policy;
        _diff = policy is null ? null : PolicyDiff.Between(Current, policy);
    }

    private void Revert() => Load(TaggingPolicyJson.Serialize(Current), changed: false);

    private Task SaveAsync() => CanSave ? Save.InvokeAsync(_json) : Task.CompletedTask;
}
