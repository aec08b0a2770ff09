using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Insight;

internal sealed class FundingRecordConfiguration : IEntityTypeConfiguration<FundingRecord>
{
    public void Configure(EntityTypeBuilder<FundingRecord> builder)
    {
        builder.ToTable("funding_records");
        // Ids are made in code (version 7), so a new row reached through a navigation is inserted, not updated.
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(f => f.FunderName).HasMaxLength(FundingRecord.NameMaxLength);
        builder.Property(f => f.Currency).HasMaxLength(3);
        builder.Property(f => f.Title).HasMaxLength(FundingRecord.TitleMaxLength);
        builder.Property(f => f.SourceKey).HasMaxLength(FundingRecord.KeyMaxLength);
        builder.Property(f => f.RecipientIdentifier).HasMaxLength(FundingRecord.KeyMaxLength);
        builder.Property(f => f.FunderIdentifier).HasMaxLength(FundingRecord.KeyMaxLength);
        builder.Ignore(f => f.FunderKey);
        builder.Ignore(f => f.Amount);
        builder.HasOne(f => f.FunderOrganisation).WithMany().HasForeignKey(f => f.FunderOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.Recipient).WithMany().HasForeignKey(f => f.RecipientOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.Source, f.SourceKey, f.RecipientOrganisationId }).IsUnique();
        // One organisation's figures, and the plans' funders by recipient and term, are found through
        // the cliffs index below, which begins with the recipient and holds the terms (indexes of
        // recipient and year, and of end date, were used by no query and cost every insert); sector
        // share by funder and year.
        // Covering indexes for the figures of every organisation at once, so each is one index read
        // with no table lookups and no sort: dependency reads a year's records in recipient and
        // funder order, cliffs every recipient's terms in recipient order (checked with EXPLAIN QUERY PLAN).
        builder.HasIndex(f => new { f.FinancialYear, f.RecipientOrganisationId, f.FunderOrganisationId, f.Source, f.IncomeKind, f.FunderName, f.Currency, f.AmountPence })
            .HasDatabaseName("IX_funding_records_dependency");
        builder.HasIndex(f => new { f.RecipientOrganisationId, f.TermEnd, f.TermStart, f.Source, f.Currency, f.AnnualPence })
            .HasDatabaseName("IX_funding_records_cliffs");
        builder.HasIndex(f => new { f.FunderOrganisationId, f.FinancialYear });
        builder.HasIndex(f => f.ContractId);
    }
}
