namespace FinOps.Store;

/// <summary>Which database keeps history.</summary>
public enum StoreProvider
{
    /// <summary>An embedded SQLite file, <c>{FinOps:DataPath}/finops.db</c> (the default; nothing to install).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, shared by a team's instances.</summary>
    Postgres,
}
