using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace FinOps.Store.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ResourceHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_scan_observations_observation_scan",
                table: "scan_observations",
                columns: new[] { "observation_id", "scan_seq" });

            migrationBuilder.CreateIndex(
                name: "ix_resources_arn",
                table: "resources",
                column: "arn");

            migrationBuilder.CreateIndex(
                name: "ix_observations_resource_id",
                table: "observations",
                column: "resource_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_scan_observations_observation_scan",
                table: "scan_observations");

            migrationBuilder.DropIndex(
                name: "ix_resources_arn",
                table: "resources");

            migrationBuilder.DropIndex(
                name: "ix_observations_resource_id",
                table: "observations");
        }
    }
}
