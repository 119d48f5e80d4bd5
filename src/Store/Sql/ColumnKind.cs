namespace FinOps.Store.Sql;

/// <summary>How <see cref="ColumnRows"/> passes a column: 64-bit integers, text, or bytes.</summary>
internal enum ColumnKind
{
    Integer,
    Text,
    Binary,
}
