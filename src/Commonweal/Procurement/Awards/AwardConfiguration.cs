using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Procurement.Awards;

internal sealed class AwardConfiguration : IEntityTypeConfiguration<Award>
{
    public void Configure(EntityTypeBuilder<Award> builder)
    {
        builder.ToTable("awards");
        // Ids are made in code (version 7), so a new row reached through a navigation is inserted, not updated.
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(a => a.Value).HasPrecision(18, 2);
        builder.Property(a => a.Currency).HasMaxLength(3);
        builder.Property(a => a.CancellationReason).HasMaxLength(Opportunity.ReasonMaxLength);
        builder.Property(a => a.OcdsId).HasMaxLength(200);
        builder.Property(a => a.Title).HasMaxLength(Opportunity.TitleMaxLength);
        builder.HasOne(a => a.Opportunity).WithMany().HasForeignKey(a => a.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Lot).WithMany().HasForeignKey(a => a.LotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Suppliers).WithOne().HasForeignKey(s => s.AwardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Contracts).WithOne(c => c.Award).HasForeignKey(c => c.AwardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.OpportunityId, a.LotId });
        builder.HasIndex(a => new { a.Status, a.Date });
    }
}

internal sealed class AwardSupplierConfiguration : IEntityTypeConfiguration<AwardSupplier>
{
    public void Configure(EntityTypeBuilder<AwardSupplier> builder)
    {
        builder.ToTable("award_suppliers");
        // Ids are made in code (version 7), so a new row reached through a navigation is inserted, not updated.
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasIndex(s => new { s.AwardId, s.OrganisationId }).IsUnique();
        // Insight reads an organisation's awards by supplier.
        builder.HasIndex(s => s.OrganisationId);
        builder.HasOne(s => s.Organisation).WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> builder)
    {
        builder.ToTable("contracts");
        // Ids are made in code (version 7), so a new row reached through a navigation is inserted, not updated.
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(c => c.Value).HasPrecision(18, 2);
        builder.Property(c => c.Currency).HasMaxLength(3);
        builder.Property(c => c.OutcomeLinkedPaymentPercent).HasPrecision(5, 2);
        builder.Property(c => c.OcdsId).HasMaxLength(200);
        builder.Property(c => c.Title).HasMaxLength(Opportunity.TitleMaxLength);
        builder.HasIndex(c => c.End);
    }
}
