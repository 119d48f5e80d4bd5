namespace FinOps.Aws.Sample;

/// <summary>How a sloppy tagger got a tag wrong.</summary>
internal enum TagMistakeKind
{
    /// <summary>The tag was never set.</summary>
    RemoveKey,
    /// <summary>The key was typed in another letter case (<c>environment</c>, <c>costcenter</c>).</summary>
    RenameKey,
    /// <summary>The value is not one the organisation uses (<c>Prod</c>, <c>bob</c>, <c>CC-999</c>, empty …).</summary>
    ReplaceValue,
    /// <summary>An extra tag was added (an over-long note, a malformed project code).</summary>
    AddTag,
}
