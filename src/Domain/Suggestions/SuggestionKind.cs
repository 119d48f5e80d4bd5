namespace FinOps.Domain.Suggestions;

/// <summary>What a suggestion asks the owner to do.</summary>
public enum SuggestionKind
{
    /// <summary>Set the tag to the suggested value.</summary>
    SetValue,
    /// <summary>Rename the key to the policy's letter case, keeping its value.</summary>
    RenameKey,
}
