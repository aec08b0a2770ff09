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
        // Dependency groups by recipient and year; sector share by funder and year; cliffs by end date.
        builder.HasIndex(f => new { f.RecipientOrganisationId, f.FinancialYear });
        builder.HasIndex(f => new { f.FunderOrganisationId, f.FinancialYear });
        builder.HasIndex(f => f.TermEnd);
        builder.HasIndex(f => f.ContractId);
    }
}
