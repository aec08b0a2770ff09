using Commonweal.Organisations;
using Commonweal.Procurement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Commissioning;

internal sealed class NeedsAreaConfiguration : IEntityTypeConfiguration<NeedsArea>
{
    public void Configure(EntityTypeBuilder<NeedsArea> builder)
    {
        builder.ToTable("needs_areas");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(a => a.Name).HasMaxLength(NeedsArea.NameMaxLength);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.CommissionerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Needs).WithOne().HasForeignKey(n => n.AreaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.CommissionerOrganisationId);
    }
}

internal sealed class AreaNeedConfiguration : IEntityTypeConfiguration<AreaNeed>
{
    public void Configure(EntityTypeBuilder<AreaNeed> builder)
    {
        builder.ToTable("area_needs");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(n => n.Name).HasMaxLength(AreaNeed.NameMaxLength);
        builder.Property(n => n.OrphanetCode).HasMaxLength(20);
        builder.Property(n => n.Prevalence).HasPrecision(18, 4);
        builder.Property(n => n.Burden).HasPrecision(18, 4);
        builder.HasOne<Directory.TaxonomyTerm>().WithMany().HasForeignKey(n => n.TaxonomyTermId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommissioningPlanConfiguration : IEntityTypeConfiguration<CommissioningPlan>
{
    public void Configure(EntityTypeBuilder<CommissioningPlan> builder)
    {
        builder.ToTable("commissioning_plans");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(p => p.Title).HasMaxLength(CommissioningPlan.TitleMaxLength);
        builder.Ignore(p => p.IsPublished);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.CommissionerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Area).WithMany().HasForeignKey(p => p.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Lines).WithOne().HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.Cascade);
        // One plan per commissioner, area and year.
        builder.HasIndex(p => new { p.CommissionerOrganisationId, p.AreaId, p.Year }).IsUnique();
    }
}

internal sealed class PlanLineConfiguration : IEntityTypeConfiguration<PlanLine>
{
    public void Configure(EntityTypeBuilder<PlanLine> builder)
    {
        builder.ToTable("plan_lines");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Ignore(l => l.Amount);
        builder.HasOne<AreaNeed>().WithMany().HasForeignKey(l => l.NeedId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PooledFundConfiguration : IEntityTypeConfiguration<PooledFund>
{
    public void Configure(EntityTypeBuilder<PooledFund> builder)
    {
        builder.ToTable("pooled_funds");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(PooledFund.NameMaxLength);
        builder.HasMany(p => p.Members).WithOne().HasForeignKey(m => m.PooledFundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Opportunities).WithOne().HasForeignKey(o => o.PooledFundId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PoolMemberConfiguration : IEntityTypeConfiguration<PoolMember>
{
    public void Configure(EntityTypeBuilder<PoolMember> builder)
    {
        builder.ToTable("pool_members");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Ignore(m => m.Amount);
        builder.Property(m => m.SharePercent).HasPrecision(5, 2);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.PooledFundId, m.OrganisationId }).IsUnique();
        builder.HasIndex(m => m.OrganisationId);
    }
}

internal sealed class PoolOpportunityConfiguration : IEntityTypeConfiguration<PoolOpportunity>
{
    public void Configure(EntityTypeBuilder<PoolOpportunity> builder)
    {
        builder.ToTable("pool_opportunities");
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(o => o.OpportunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.OpportunityId).IsUnique();
    }
}
