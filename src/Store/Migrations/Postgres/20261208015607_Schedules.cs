using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinOps.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Schedules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "schedule_runs",
                columns: table => new
                {
                    schedule_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    occurrence_ticks = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    caught_up = table.Column<bool>(type: "boolean", nullable: false),
                    manual = table.Column<bool>(type: "boolean", nullable: false),
                    instance = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    started_ticks = table.Column<long>(type: "bigint", nullable: false),
                    finished_ticks = table.Column<long>(type: "bigint", nullable: true),
                    scan_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    note = table.Column<string>(type: "text", nullable: true),
                    follow_ups = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schedule_runs", x => new { x.schedule_id, x.occurrence_ticks });
                });

            migrationBuilder.CreateTable(
                name: "schedules",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    cron = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    regions = table.Column<string>(type: "text", nullable: false),
                    types = table.Column<string>(type: "text", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    origin = table.Column<int>(type: "integer", nullable: false),
                    created_ticks = table.Column<long>(type: "bigint", nullable: false),
                    updated_ticks = table.Column<long>(type: "bigint", nullable: false),
                    next_ticks = table.Column<long>(type: "bigint", nullable: true),
                    last_occurrence_ticks = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_schedules", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_schedule_runs_schedule_started",
                table: "schedule_runs",
                columns: new[] { "schedule_id", "started_ticks" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "schedule_runs");

            migrationBuilder.DropTable(
                name: "schedules");
        }
    }
}
