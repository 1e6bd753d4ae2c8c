package dev.jangteo.query.ranking;

import dev.jangteo.query.catalog.ProductNames;
import dev.jangteo.query.sales.SalesFigures;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The rankings computed from the exact PostgreSQL sales read model (the sales context's daily figures summed over
 * the period, named by the catalog), for when Redis cannot answer. Same rules as Redis: products whose figure is not
 * above zero are left out, ties go to the lower product id in byte order.
 */
@Component
class RankingDatabase {

    /** The processing groups whose read models this class reads (sales figures, product names). */
    static final String SALES_GROUP = SalesFigures.GROUP;
    static final String CATALOG_GROUP = ProductNames.GROUP;

    private final SalesFigures sales;
    private final ProductNames names;

    RankingDatabase(SalesFigures sales, ProductNames names) {
        this.sales = sales;
        this.names = names;
    }

    List<RankingStore.Ranked> top(Period period, LocalDate date, Figure figure, int limit) {
        List<SalesFigures.ProductSales> top = sales.top(period.first(date), period.last(date),
                                                        figure == Figure.QUANTITY ? SalesFigures.By.QUANTITY
                                                                : SalesFigures.By.REVENUE, limit);
        Map<String, ProductNames.Named> named = names.of(top.stream().map(SalesFigures.ProductSales::productId)
                                                            .toList());
        return top.stream().map(product -> {
            long quantity = product.quantity();
            long revenue = product.revenue();
            ProductNames.Named name = named.get(product.productId());
            return new RankingStore.Ranked(product.productId(),
                                           figure == Figure.QUANTITY ? quantity : revenue,
                                           figure == Figure.QUANTITY ? revenue : quantity,
                                           name == null ? null : name.name(), name == null ? null : name.category());
        }).toList();
    }
}
