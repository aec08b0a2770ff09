// Draws every <canvas data-cw-chart> with the vendored Chart.js. The numbers are always in a table
// beside the chart, so a page without JavaScript (or without this file) loses nothing.
const palette = ['#005eb8', '#007f3b', '#ffb81c', '#d5281b', '#330072', '#00a499', '#ae2573', '#425563'];

function format(unit, value) {
    if (unit === '£') {
        return '£' + Number(value).toLocaleString('en-GB', { maximumFractionDigits: 0 });
    }
    if (unit === '%') {
        return Number(value).toLocaleString('en-GB', { maximumFractionDigits: 1 }) + '%';
    }
    return Number(value).toLocaleString('en-GB');
}

for (const canvas of document.querySelectorAll('canvas[data-cw-chart]')) {
    const config = JSON.parse(canvas.dataset.cwChart);
    const many = config.series.length > 1;
    // eslint-disable-next-line no-undef
    new Chart(canvas, {
        type: config.kind,
        data: {
            labels: config.labels,
            datasets: config.series.map((s, i) => ({
                label: s.label,
                data: s.data,
                backgroundColor: config.kind === 'doughnut' ? palette : palette[i % palette.length],
                borderColor: config.kind === 'line' ? palette[i % palette.length] : undefined,
            })),
        },
        options: {
            animation: false,
            maintainAspectRatio: false,
            plugins: {
                legend: { display: many || config.kind === 'doughnut' },
                tooltip: { callbacks: { label: c => `${c.dataset.label || c.label}: ${format(config.unit, c.parsed.y ?? c.parsed)}` } },
            },
            scales: config.kind === 'doughnut' ? {} : {
                x: { stacked: many && config.kind === 'bar' },
                y: { stacked: many && config.kind === 'bar', beginAtZero: true, ticks: { callback: v => format(config.unit, v) } },
            },
        },
    });
}
