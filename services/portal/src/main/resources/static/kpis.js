// Draws each KPI chart from the table it names (data-table): the table is the text alternative, and the chart can
// never show a number the table does not. Columns marked data-series become datasets; each body row's first cell is
// its label, and a cell's data-value its number (empty: no value).
(function () {
    'use strict';

    function read(table) {
        var series = [];
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, index) {
            if (cell.hasAttribute('data-series')) {
                series.push({ index: index, label: cell.textContent.trim(), data: [] });
            }
        });
        var labels = [];
        Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
            labels.push(row.cells[0].textContent.trim());
            series.forEach(function (one) {
                var value = row.cells[one.index].getAttribute('data-value');
                one.data.push(value === null || value === '' ? null : Number(value));
            });
        });
        return {
            labels: labels,
            datasets: series.map(function (one) { return { label: one.label, data: one.data }; })
        };
    }

    function draw() {
        if (!window.Chart) {
            return; // the tables still say it all
        }
        document.querySelectorAll('canvas[data-table]').forEach(function (canvas) {
            var table = document.getElementById(canvas.getAttribute('data-table'));
            if (!table || !table.tHead || !table.tBodies.length) {
                return;
            }
            var data = read(table);
            new window.Chart(canvas, {
                type: canvas.getAttribute('data-kind') || 'bar',
                data: data,
                options: {
                    animation: false,
                    indexAxis: canvas.getAttribute('data-axis') || 'x',
                    spanGaps: true,
                    plugins: { legend: { display: data.datasets.length > 1 } },
                    scales: { x: { beginAtZero: true }, y: { beginAtZero: true } }
                }
            });
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', draw);
    } else {
        draw();
    }
})();
