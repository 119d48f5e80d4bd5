using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FinOps.Store;

/// <summary>History store settings, bound from <c>FinOps:Store</c> and validated at start-up.</summary>
public sealed class StoreOptions : IValidatableObject
{
    public const string Section = "FinOps:Store";
    private const string Prefix = Section + ":";

    /// <summary>Shortest and longest retention accepted (a day; ten years).</summary>
    public const int MinRetentionDays = 1;

    public const int MaxRetentionDays = 3650;

    /// <summary><c>Sqlite</c> (default, embedded) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = nameof(StoreProvider.Sqlite);

    /// <summary>
    /// PostgreSQL: the Npgsql connection string (required). SQLite: optional, replaces the default file
    /// <c>{FinOps:DataPath}/finops.db</c>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long scans keep their per-resource detail; older scans keep their record and trend points.</summary>
    [Range(MinRetentionDays, MaxRetentionDays, ErrorMessage = Prefix + "RetentionDays must be between {1} and {2} (days a scan keeps its per-resource detail).")]
    public int RetentionDays { get; set; } = 400;

    /// <summary>The provider, once <see cref="Validate"/> accepted it (a method, so validation does not read it).</summary>
    public StoreProvider ParseProvider() =>
        Enum.TryParse<StoreProvider>(Provider?.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException(UnknownProvider);

    private string UnknownProvider =>
        $"{Prefix}Provider is '{Provider}'; accepted values: 'Sqlite' (default, an embedded file under FinOps:DataPath) or 'Postgres' (with {Prefix}ConnectionString).";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.TryParse<StoreProvider>(Provider?.Trim(), ignoreCase: true, out var provider) || !Enum.IsDefined(provider)
            || int.TryParse(Provider, out _))
        {
            yield return new ValidationResult(UnknownProvider, [nameof(Provider)]);
            yield break;
        }

        if (provider == StoreProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                $"{Prefix}ConnectionString is required when {Prefix}Provider is Postgres, e.g. " +
                "'Host=db.example.com;Database=finops;Username=finops' (set the password through the environment: FinOps__Store__ConnectionString).",
                [nameof(ConnectionString)]);
            yield break;
        }

        if (!string.IsNullOrWhiteSpace(ConnectionString) && ConnectionStringProblem(provider, ConnectionString) is { } problem)
        {
            yield return new ValidationResult(problem, [nameof(ConnectionString)]);
        }
    }

    /// <summary>Why a connection string cannot be used, without repeating it (it may hold a password); null when it can.</summary>
    private static string? ConnectionStringProblem(StoreProvider provider, string connectionString)
    {
        try
        {
            DbConnectionStringBuilder builder = provider == StoreProvider.Postgres
                ? new NpgsqlConnectionStringBuilder(connectionString)
                : new SqliteConnectionStringBuilder(connectionString);
            if (provider == StoreProvider.Postgres && string.IsNullOrWhiteSpace(((NpgsqlConnectionStringBuilder)builder).Host))
            {
                return $"{Prefix}ConnectionString names no Host; accepted: an Npgsql connection string such as 'Host=db.example.com;Database=finops;Username=finops'.";
            }

            if (provider == StoreProvider.Sqlite && string.IsNullOrWhiteSpace(((SqliteConnectionStringBuilder)builder).DataSource))
            {
                return $"{Prefix}ConnectionString names no Data Source; accepted: a SQLite connection string such as 'Data Source=/var/lib/finops/finops.db', or none for {{FinOps:DataPath}}/finops.db.";
            }

            return null;
        }
        catch (ArgumentException)
        {
            return provider == StoreProvider.Postgres
                ? $"{Prefix}ConnectionString is not an Npgsql connection string; accepted: 'Key=value' pairs separated by ';' such as 'Host=db.example.com;Port=5432;Database=finops;Username=finops'."
                : $"{Prefix}ConnectionString is not a SQLite connection string; accepted: 'Data Source=/path/to/finops.db', or none for {{FinOps:DataPath}}/finops.db.";
        }
    }
}
