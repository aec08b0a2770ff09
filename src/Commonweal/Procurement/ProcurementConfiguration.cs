using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Procurement;

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.ToTable("opportunities");
        // Ids are made in code (version 7), so a new row reached through a navigation is inserted, not updated.
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(o => o.Reference).HasMaxLength(20);
        builder.HasIndex(o => o.Reference).IsUnique();
        builder.HasIndex(o => new { o.ReferenceYear, o.ReferenceSequence }).IsUnique();
        builder.Property(o => o.Title).HasMaxLength(Opportunity.TitleMaxLength);
        builder.Property(o => o.Description).HasMaxLength(Opportunity.DescriptionMaxLength);
        builder.Property(o => o.PerformanceAssessmentUrl).HasMaxLength(500);
        builder.Property(o => o.FairnessOverrideReason).HasMaxLength(Opportunity.ReasonMaxLength);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.HasIndex(o => new { o.Status, o.SubmissionDeadline });
        builder.HasIndex(o => new { o.Status, o.StandstillEndsAt });
        builder.HasIndex(o => o.PublishedAt);
        builder.HasOne(o => o.IncumbentOrganisation).WithMany().HasForeignKey(o => o.IncumbentOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Commissioners).WithOne().HasForeignKey(c => c.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Lots).WithOne().HasForeignKey(l => l.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Criteria).WithOne().HasForeignKey(c => c.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Needs).WithOne().HasForeignKey(n => n.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Areas).WithOne().HasForeignKey(a => a.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.RequiredEvidence).WithOne().HasForeignKey(e => e.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Transitions).WithOne().HasForeignKey(t => t.OpportunityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpportunityCommissionerConfiguration : IEntityTypeConfiguration<OpportunityCommissioner>
{
    public void Configure(EntityTypeBuilder<OpportunityCommissioner> builder)
    {
        builder.ToTable("opportunity_commissioners");
        // Ids are made in code (version 7), so a new row reached through a navigation is inserted, not updated.
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(c => c.SharePercent).HasPrecision(5, 2);
        builder.HasIndex(c => new { c.OpportunityId, c.OrganisationId }).IsUnique();
        builder.HasIndex(c => c.OrganisationId);
        builder.HasOne(c => c.Organisation).WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LotConfiguration : IEntityTypeConfiguration<Lot>
{
    public void Configure(EntityTypeBuilder<Lot> builder)
    {
        builder.ToTable("lots");
        // Ids are made in code (version 7), so a new row reached through a navigation is inserted, not updated.
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(l => l.Title).HasMaxLength(200);
        builder.HasIndex(l => new { l.OpportunityId, l.Number }).IsUnique();
    }
}

internal sealed class AwardCriterionConfiguration : IEntityTypeConfiguration<AwardCriterion>
{
    public void Configure(EntityTypeBuilder<AwardCriterion> builder)
    {
        builder.ToTable("award_criteria");
        // Ids are made in code (version 7), so a new row reached through a navigation is inserted, not updated.
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Weight).HasPrecision(5, 2);
        builder.HasIndex(c => new { c.OpportunityId, c.Order });
    }
}

internal sealed class OpportunityNeedConfiguration : IEntityTypeConfiguration<OpportunityNeed>
{
    public void Configure(EntityTypeBuilder<OpportunityNeed> builder)
    {
        builder.ToTable("opportunity_needs");
        // Ids are made in code (version 7), so a new row reached through a navigation is inserted, not updated.
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasIndex(n => new { n.OpportunityId, n.TaxonomyTermId }).IsUnique();
        builder.HasIndex(n => n.TaxonomyTermId);
    }
}

internal sealed class OpportunityAreaConfiguration : IEntityTypeConfiguration<OpportunityArea>
{
    public void Configure(EntityTypeBuilder<OpportunityArea> builder)
    {
        builder.ToTable("opportunity_areas");
        // Ids are made in code (version 7), so a new row reached through a navigation is inserted, not updated.
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(a => a.Outcode).HasMaxLength(5);
        builder.HasIndex(a => new { a.OpportunityId, a.Outcode }).IsUnique();
        builder.HasIndex(a => a.Outcode);
    }
}

internal sealed class OpportunityEvidenceConfiguration : IEntityTypeConfiguration<OpportunityEvidence>
{
    public void Configure(EntityTypeBuilder<OpportunityEvidence> builder)
    {
        builder.ToTable("opportunity_evidence");
        // Ids are made in code (version 7), so a new row reached through a navigation is inserted, not updated.
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasIndex(e => new { e.OpportunityId, e.Kind }).IsUnique();
    }
}

internal sealed class OpportunityTransitionConfiguration : IEntityTypeConfiguration<OpportunityTransition>
{
    public void Configure(EntityTypeBuilder<OpportunityTransition> builder)
    {
        builder.ToTable("opportunity_transitions");
        // Ids are made in code (version 7), so a new row reached through a navigation is inserted, not updated.
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(t => t.By).HasMaxLength(200);
        builder.Property(t => t.Reason).HasMaxLength(Opportunity.ReasonMaxLength);
        builder.HasIndex(t => new { t.OpportunityId, t.At });
    }
}
