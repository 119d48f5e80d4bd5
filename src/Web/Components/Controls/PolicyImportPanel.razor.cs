using System.Collections.Immutable;
using FinOps.Domain.Policy;
using Microsoft.AspNetCore.Components;

namespace FinOps.Web.Components.Controls;

/// <summary>
/// Imports a pasted AWS Organizations tag policy: the domain converts it (<see cref="OrganizationsPolicyImporter"/>),
/// the panel shows the changes against the policy in force and what was not carried over, and "apply" asks the page to
/// save the converted policy.
/// </summary>
public sealed partial class PolicyImportPanel
{
    private string? _json;
    private string? _previewed;
    private PolicyImport? _import;
    private ImmutableArray<PolicyValidationError> _errors = [];
    private TaggingPolicy? _comparedWith;

    [Parameter, EditorRequired]
    public required TaggingPolicy Current { get; set; }

    [Parameter]
    public bool CanEdit { get; set; } = true;

    [Parameter]
    public bool Saving { get; set; }

    /// <summary>Asked to save the converted policy document.</summary>
    [Parameter, EditorRequired]
    public required EventCallback<string> Save { get; set; }

    // Apply only what was previewed, against the policy in force.
    private bool CanApply => CanEdit && !Saving && _import is not null && _previewed == _json
        && ReferenceEquals(_comparedWith, Current) && !_import.Diff.IsEmpty;

    protected override void OnParametersSet()
    {
        // Once another policy is in force (e.g. this import was applied), the preview no longer describes the change.
        if (_import is not null && !ReferenceEquals(_comparedWith, Current))
        {
            _import = null;
            _previewed = null;
        }
    }

    private void Preview()
    {
        _previewed = _json;
        _comparedWith = Current;
        try
        {
            _import = OrganizationsPolicyImporter.Import(_json ?? "", Current);
            _errors = [];
        }
        catch (InvalidPolicyException ex)
        {
            _import = null;
            _errors = ex.Errors;
        }
    }

    private Task ApplyAsync() =>
        CanApply ? Save.InvokeAsync(TaggingPolicyJson.Serialize(_import!.Policy)) : Task.CompletedTask;
}
