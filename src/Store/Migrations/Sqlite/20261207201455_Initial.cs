using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinOps.Store.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cost_snapshots",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false),
                    content_hash = table.Column<byte[]>(type: "BLOB", nullable: false),
                    payload = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cost_snapshots", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "observations",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false),
                    resource_id = table.Column<long>(type: "INTEGER", nullable: false),
                    hash = table.Column<long>(type: "INTEGER", nullable: false),
                    payload = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_observations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "policies",
                columns: table => new
                {
                    hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    version = table.Column<string>(type: "TEXT", nullable: false),
                    document = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_policies", x => x.hash);
                });

            migrationBuilder.CreateTable(
                name: "resources",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false),
                    unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    arn = table.Column<string>(type: "TEXT", nullable: false),
                    current_observation_id = table.Column<long>(type: "INTEGER", nullable: true),
                    current_hash = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resources", x => x.id);
                });

            // WITHOUT ROWID (EF Core has no model option for it): a row is its key and nothing else, so an unchanged
            // resource costs a scan about a dozen bytes.
            migrationBuilder.Sql(
                "CREATE TABLE \"scan_observations\" (\"scan_seq\" INTEGER NOT NULL, \"unit_id\" INTEGER NOT NULL, \"observation_id\" INTEGER NOT NULL, " +
                "CONSTRAINT \"PK_scan_observations\" PRIMARY KEY (\"scan_seq\", \"unit_id\", \"observation_id\")) WITHOUT ROWID;");

            migrationBuilder.CreateTable(
                name: "scans",
                columns: table => new
                {
                    seq = table.Column<long>(type: "INTEGER", nullable: false),
                    scan_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    started_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    completed_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    policy_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    policy_version = table.Column<string>(type: "TEXT", nullable: false),
                    cost_snapshot_id = table.Column<long>(type: "INTEGER", nullable: true),
                    cost_failure = table.Column<string>(type: "TEXT", nullable: true),
                    covers_every_region = table.Column<bool>(type: "INTEGER", nullable: false),
                    record = table.Column<byte[]>(type: "BLOB", nullable: false),
                    detail_dropped = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scans", x => x.seq);
                });

            migrationBuilder.CreateTable(
                name: "trend_points",
                columns: table => new
                {
                    scan_seq = table.Column<long>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    dimension = table.Column<int>(type: "INTEGER", nullable: false),
                    key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    at_ticks = table.Column<long>(type: "INTEGER", nullable: false),
                    measured = table.Column<bool>(type: "INTEGER", nullable: false),
                    total_resources = table.Column<int>(type: "INTEGER", nullable: false),
                    in_scope = table.Column<int>(type: "INTEGER", nullable: false),
                    compliant = table.Column<int>(type: "INTEGER", nullable: false),
                    violations = table.Column<int>(type: "INTEGER", nullable: false),
                    error_violations = table.Column<int>(type: "INTEGER", nullable: false),
                    gap_cents = table.Column<long>(type: "INTEGER", nullable: false),
                    spend_cents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trend_points", x => new { x.scan_seq, x.position });
                });

            migrationBuilder.Sql(
                "CREATE TABLE \"unit_outcomes\" (\"scan_seq\" INTEGER NOT NULL, \"unit_id\" INTEGER NOT NULL, \"status\" INTEGER NOT NULL, \"failure_reason\" TEXT NULL, " +
                "CONSTRAINT \"PK_unit_outcomes\" PRIMARY KEY (\"scan_seq\", \"unit_id\")) WITHOUT ROWID;");

            migrationBuilder.CreateTable(
                name: "units",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    region = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    resource_type = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_units", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_cost_snapshots_content_hash",
                table: "cost_snapshots",
                column: "content_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_resources_unit_id",
                table: "resources",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_scans_completed_ticks",
                table: "scans",
                column: "completed_ticks");

            migrationBuilder.CreateIndex(
                name: "ix_scans_scan_id",
                table: "scans",
                column: "scan_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_trend_points_dimension_key_at",
                table: "trend_points",
                columns: new[] { "dimension", "key", "at_ticks" });

            migrationBuilder.CreateIndex(
                name: "ix_units_region_type",
                table: "units",
                columns: new[] { "region", "resource_type" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cost_snapshots");

            migrationBuilder.DropTable(
                name: "observations");

            migrationBuilder.DropTable(
                name: "policies");

            migrationBuilder.DropTable(
                name: "resources");

            migrationBuilder.DropTable(
                name: "scan_observations");

            migrationBuilder.DropTable(
                name: "scans");

            migrationBuilder.DropTable(
                name: "trend_points");

            migrationBuilder.DropTable(
                name: "unit_outcomes");

            migrationBuilder.DropTable(
                name: "units");
        }
    }
}
